package fr.novaevo.workstation.app.cli.sync;

import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.keyFile;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.run;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.syncOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.app.cli.sync.SyncCliSupport.Result;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workstation commissions list}: the platform's commissions, with monthly totals exact to the cent. */
class CommissionsCliTest {

    @TempDir
    Path dir;

    private PlatformEmulator emulator;
    private Path ws;

    @BeforeEach
    void startPlatformAndSync() throws Exception {
        emulator = PlatformEmulator.start(EmulatorConfig.defaults());
        ws = dir.resolve("ws");
        syncOnce(ws, emulator, keyFile(dir.resolve("keys"), emulator.config().apiKey()));
    }

    @AfterEach
    void stopPlatform() {
        emulator.close();
    }

    /** The month with the most commissions on the platform. */
    private String busiestPeriod(Map<String, List<ObjectNode>> byPeriod) {
        return byPeriod.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow().getKey();
    }

    @Test
    void aMonthsCommissionsAndTotalsAreExactToTheCent() {
        Map<String, List<ObjectNode>> byPeriod = emulator.state().commissions().stream()
                .collect(Collectors.groupingBy(c -> c.get("period").asText()));
        String period = busiestPeriod(byPeriod);
        List<ObjectNode> platform = byPeriod.get(period);
        List<ObjectNode> counted = platform.stream().filter(c -> !c.get("status").asText().equals("cancelled")).toList();
        long commissionCents = counted.stream().mapToLong(c -> c.get("commissionCents").asLong()).sum();
        long saleCents = counted.stream().mapToLong(c -> c.get("saleAmountCents").asLong()).sum();
        assertThat(counted).hasSizeGreaterThan(1);

        JsonNode json = run(ws, "commissions", "list", "--period", period, "--json").json();
        assertThat(json.path("period").asText()).isEqualTo(period);
        assertThat(json.path("commissions")).hasSize(platform.size());
        JsonNode first = json.path("commissions").get(0);
        assertThat(first.has("saleAmountCents")).isTrue();
        assertThat(first.has("rateBps")).isTrue();
        assertThat(first.path("partner").has("name")).isTrue();
        assertThat(first.path("period").asText()).isEqualTo(period);
        assertThat(json.path("totals")).hasSize(1);
        JsonNode total = json.path("totals").get(0);
        assertThat(total.path("period").asText()).isEqualTo(period);
        assertThat(total.path("currency").asText()).isEqualTo("EUR");
        assertThat(total.path("count").asInt()).isEqualTo(counted.size());
        assertThat(total.path("commissionCents").asLong()).isEqualTo(commissionCents);
        assertThat(total.path("saleAmountCents").asLong()).isEqualTo(saleCents);

        Result text = run(ws, "commissions", "list", "--period", period);
        assertThat(text.exit()).as(text.err()).isZero();
        String euros = commissionCents / 100 + "." + String.format("%02d", commissionCents % 100) + " EUR";
        assertThat(text.out()).contains("Total " + period).contains(counted.size() + " commissions").contains(euros);
        assertThat(text.out().lines().filter(l -> l.startsWith(period + " "))).hasSize(platform.size());
    }

    @Test
    void everyMonthHasItsTotalAndAStatusFilterCountsOnlyThoseStatuses() {
        JsonNode all = run(ws, "commissions", "list", "--json").json();
        assertThat(all.path("commissions")).hasSize(emulator.state().commissions().size());
        long periods = emulator.state().commissions().stream().filter(c -> !c.get("status").asText().equals("cancelled"))
                .map(c -> c.get("period").asText()).distinct().count();
        assertThat(all.path("totals")).hasSize((int) periods);

        long paid = emulator.state().commissions().stream().filter(c -> c.get("status").asText().equals("paid"))
                .mapToLong(c -> c.get("commissionCents").asLong()).sum();
        JsonNode onlyPaid = run(ws, "commissions", "list", "--status", "paid", "--json").json();
        long listed = 0;
        for (JsonNode t : onlyPaid.path("totals")) {
            listed += t.path("commissionCents").asLong();
        }
        assertThat(listed).isEqualTo(paid);
        onlyPaid.path("commissions").forEach(c -> assertThat(c.path("status").asText()).isEqualTo("paid"));
    }

    @Test
    void aMalformedPeriodIsAUsageError() {
        Result result = run(ws, "commissions", "list", "--period", "11/2026");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("YYYY-MM");
        assertThat(run(dir.resolve("empty"), "commissions", "list", "--period", "2026-11").out())
                .contains("No commission in 2026-11");
    }
}
