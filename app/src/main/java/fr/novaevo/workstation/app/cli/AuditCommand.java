package fr.novaevo.workstation.app.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workstation audit ...}: the audit journal (traçabilité). */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Audit journal: who did what and when.",
        subcommands = {AuditCommand.ListEntries.class, AuditCommand.Export.class})
public final class AuditCommand {

    static final List<String> CSV_HEADERS = List.of("N°", "Date", "Qui", "Action", "Objet", "Détails", "Empreinte");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    /** Filters shared by list and export. */
    static final class Filter {
        @Option(names = "--action", paramLabel = "PREFIX", description = "Only actions starting with this, e.g. obd.")
        String action;

        @Option(names = "--text", description = "Only entries whose subject, details or actor contain this.")
        String text;

        @Option(names = "--limit", defaultValue = "10000", description = "At most this many entries (default ${DEFAULT-VALUE}).")
        int limit;

        AuditQuery query() {
            return AuditQuery.all().withActionPrefix(action).withText(text).withLimit(limit);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the journal, newest first.")
    static final class ListEntries extends CommandBase implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Filter filter = new Filter();

        @Option(names = "--json", description = "JSON output.")
        boolean json;

        ListEntries(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            List<AuditEntry> entries = workstation().audit().find(filter.query());
            if (json) {
                out().println(Json.write(entries.stream().map(ListEntries::describe).toList()));
                return 0;
            }
            for (AuditEntry e : entries) {
                out().printf("%6d  %s  %-20s %-28s %s%s%n", e.sequence(),
                        DATE_TIME.format(e.occurredAt().atZone(ZoneId.systemDefault())), e.actor(), e.action(),
                        e.subject(), e.details().isEmpty() ? "" : " — " + e.details());
            }
            return 0;
        }

        static Map<String, Object> describe(AuditEntry e) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sequence", e.sequence());
            json.put("occurredAt", e.occurredAt().toString());
            json.put("actor", e.actor());
            json.put("action", e.action());
            json.put("subject", e.subject());
            json.put("details", e.details());
            json.put("hash", e.hash());
            return json;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the journal as a CSV file (UTF-8, ';' separated, opens in LibreOffice and Excel).")
    static final class Export extends CommandBase implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Filter filter = new Filter();

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write.")
        Path target;

        Export(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Path file = context.resolve(target);
            int written = AuditCsv.export(workstation(), filter.query(), file, ZoneId.systemDefault());
            out().println(written + " entries written to " + file);
            return 0;
        }
    }
}
