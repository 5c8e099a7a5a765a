package fr.novaevo.workstation.app.cli.sync;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.app.cli.CommandBase;
import fr.novaevo.workstation.app.cli.VersionInfo;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import fr.novaevo.workstation.sync.store.CommissionRepository;
import fr.novaevo.workstation.sync.store.CommissionRepository.MonthlyTotal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workstation commissions ...}: commissions on partner sales, as pulled from the platform (read-only). */
@Command(name = "commissions", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Commissions on parts sold through partner offers, computed by the platform and pulled by "
            + "'workstation sync' (read-only here).",
        subcommands = {CommissionsCommand.ListCommissions.class})
public final class CommissionsCommand {

    /** Amounts exactly as counted, from integer cents: {@code 1234.56 EUR}. */
    static String money(long cents, String currency) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100) + " " + currency;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Commissions by period, with each month's totals exact to the cent. Totals count "
                + "pending, validated and paid commissions (cancelled ones are never paid), or the --status given.")
    static final class ListCommissions extends CommandBase implements Callable<Integer> {
        @Option(names = "--period", paramLabel = "YYYY-MM", description = "Only this month (the sale's month in France).")
        String period;

        @Option(names = "--status", paramLabel = "STATUS", split = ",",
                description = "Only these statuses: pending, validated, paid, cancelled (comma separated).")
        List<String> statuses;

        @Option(names = "--json", description = "JSON output: the commissions as the platform contract represents"
                + " them, and the totals.")
        boolean json;

        ListCommissions(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            YearMonth month = period == null ? null : parsePeriod(period);
            Set<CommissionStatus> shown = statuses == null ? EnumSet.allOf(CommissionStatus.class) : parseStatuses();
            Set<CommissionStatus> counted = statuses == null
                    ? EnumSet.complementOf(EnumSet.of(CommissionStatus.CANCELLED)) : shown;
            CommissionRepository repository = PlatformAccess.local(context, workstation()).commissions();
            List<Commission> commissions = repository.find(month, shown);
            List<MonthlyTotal> totals = repository.monthlyTotals(counted).stream()
                    .filter(t -> month == null || t.period().equals(month)).toList();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("period", month == null ? null : month.toString());
                result.put("commissions", commissions);
                result.put("totalStatuses", counted.stream().map(CommissionStatus::wire).toList());
                result.put("totals", totals);
                out().println(CliJson.write(result));
                out().flush();
                return 0;
            }
            if (commissions.isEmpty()) {
                out().println("No commission" + (month == null ? "" : " in " + month)
                        + " in this data folder (run workstation sync to get the platform's)");
            }
            for (Commission c : commissions) {
                out().printf("%s  %-10s %-18s %-16s %14s  %6s %%  %12s  %s%n", c.period(), c.status().wire(),
                        c.partner() == null ? "" : c.partner().name(), c.orderRef() == null ? "" : c.orderRef(),
                        money(c.saleAmountCents(), c.currency()), c.rateBps() / 100 + "." + String.format("%02d", c.rateBps() % 100),
                        money(c.commissionCents(), c.currency()), c.id());
            }
            String countedNames = counted.stream().map(CommissionStatus::wire).collect(Collectors.joining(", "));
            for (MonthlyTotal t : totals) {
                out().printf("Total %s (%s): %d commissions, %s on %s of sales%n", t.period(), countedNames, t.count(),
                        money(t.commissionCents(), t.currency()), money(t.saleAmountCents(), t.currency()));
            }
            out().flush();
            return 0;
        }

        private YearMonth parsePeriod(String text) {
            try {
                return YearMonth.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw usage("--period: a month as YYYY-MM, e.g. 2026-11, not " + text);
            }
        }

        private Set<CommissionStatus> parseStatuses() {
            Set<CommissionStatus> result = EnumSet.noneOf(CommissionStatus.class);
            List<String> unknown = new ArrayList<>();
            for (String s : statuses) {
                String wire = s.strip().toLowerCase(Locale.ROOT);
                java.util.Arrays.stream(CommissionStatus.values()).filter(v -> v.wire().equals(wire)).findFirst()
                        .ifPresentOrElse(result::add, () -> unknown.add(s));
            }
            if (!unknown.isEmpty() || result.isEmpty()) {
                throw usage("--status: pending, validated, paid or cancelled, not " + String.join(", ", unknown));
            }
            return result;
        }
    }
}
