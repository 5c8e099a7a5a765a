package fr.novaevo.workstation.obd.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.obd.dtc.Severity;
import fr.novaevo.workstation.obd.session.ScanResult;
import fr.novaevo.workstation.obd.testing.MutableClock;
import fr.novaevo.workstation.obd.testing.ObdFixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:15:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void aSessionComesBackWhole() {
        ObdFixtures.Diagnosis diagnosis = ObdFixtures.misfireDiagnosis(Locale.FRENCH, T0);
        DiagnosticSession saved;
        try (Database db = ObdFixtures.database(dir, clock)) {
            saved = new SessionStore(db.dataSource()).save(diagnosis.session());
        }
        assertThat(saved.id()).isPositive();
        try (Database db = ObdFixtures.database(dir, clock)) {
            DiagnosticSession back = new SessionStore(db.dataSource()).find(saved.id()).orElseThrow();
            assertThat(back).isEqualTo(saved);
            assertThat(back.codesBefore().stored()).extracting(ScanResult.Dtc::code).containsExactly("P0302", "P0300");
            assertThat(back.codesBefore().stored().getFirst().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(back.codesAfter()).hasValueSatisfying(after -> {
                assertThat(after.stored()).isEmpty();
                assertThat(after.permanent()).extracting(ScanResult.Dtc::code).containsExactly("P0302");
            });
            assertThat(back.readiness()).hasSize(2);
            assertThat(back.keyValues()).isNotEmpty();
            assertThat(back.notes()).startsWith("Bougie du cylindre 2");
        }
    }

    @Test
    void historyOfAVinListsItsSessionsReportsAndRecordingsNewestFirst() {
        ObdFixtures.Diagnosis diagnosis = ObdFixtures.misfireDiagnosis(Locale.FRENCH, T0);
        String vin = diagnosis.scan().vin().orElseThrow();
        try (Database db = ObdFixtures.database(dir, clock)) {
            VehicleHistoryService history = new VehicleHistoryService(db.dataSource(), clock);
            DiagnosticSession first = history.sessions().save(diagnosis.session());
            DiagnosticSession second = history.sessions().save(diagnosis.session().withId(0)
                    .withNotes("second").withCodesAfter(diagnosis.session().codesBefore(), T0.plusSeconds(7200)));
            DiagnosticSession third = history.sessions().save(
                    DiagnosticSession.fromScan(diagnosis.scan(), "sim", T0.plusSeconds(1)));
            DiagnosticSession other = history.sessions().save(new DiagnosticSession(0, "WVWZZZ1JZXW000001",
                    T0.plusSeconds(60), "sim", "ELM327 v1.5", "CAN", false,
                    new ScanResult.Dtcs(List.of(), List.of(), List.of()), java.util.Optional.empty(),
                    java.util.Optional.empty(), List.of(), List.of(), ""));
            history.sessions().updateNotesAndValues(second.id(), "notes revues", List.of(
                    new KeyValue("Engine speed", 780, "rpm", "780 rpm")));
            ReportEntry report = history.sessions().recordReport(OptionalLong.of(first.id()), vin.toLowerCase(),
                    dir.resolve("r.pdf"), "fr", T0.plusSeconds(300));
            clock.advance(java.time.Duration.ofMinutes(10));
            try (Recorder r = history.recordings().start(vin, OptionalLong.of(first.id()), List.of(0x0C),
                    Recorder.Settings.defaults())) {
                assertThat(r.recordingId()).isPositive();
            }

            VehicleHistory h = history.history(" " + vin.toLowerCase() + " ");
            assertThat(h.vin()).isEqualTo(vin);
            assertThat(h.sessions()).extracting(DiagnosticSession::id)
                    .containsExactly(third.id(), second.id(), first.id()).doesNotContain(other.id());
            DiagnosticSession revised = h.sessions().stream().filter(s -> s.id() == second.id()).findFirst()
                    .orElseThrow();
            assertThat(revised.notes()).isEqualTo("notes revues");
            assertThat(revised.keyValues()).extracting(KeyValue::text).containsExactly("780 rpm");
            assertThat(h.reports()).containsExactly(report);
            assertThat(h.recordings()).singleElement().satisfies(rec -> {
                assertThat(rec.pids()).containsExactly(0x0C);
                assertThat(rec.samples()).isZero();
                assertThat(rec.endedAt()).isPresent();
            });
            assertThat(history.history("VF1XXXXXXXXXXXXXX").isEmpty()).isTrue();
        }
    }

    @Test
    void notesOfAMissingSessionAreRefused() {
        try (Database db = ObdFixtures.database(dir, clock)) {
            SessionStore store = new SessionStore(db.dataSource());
            assertThatThrownBy(() -> store.updateNotesAndValues(42, "x", List.of()))
                    .isInstanceOf(HistoryException.class);
        }
    }
}
