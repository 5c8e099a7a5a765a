package fr.novaevo.workstation.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.SchemaModule;
import fr.novaevo.workstation.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcAuditJournalTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private Database database;
    private JdbcAuditJournal journal;

    @BeforeEach
    void open() {
        database = Database.open(DataLayout.at(dataDir), List.of(new SchemaModule("core")), clock);
        journal = new JdbcAuditJournal(database.dataSource(), clock, () -> "karim");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void recordsWhoWhenAndWhatAndFindsThemNewestFirst() {
        journal.record("obd.codes.cleared", "VF1RFB00X12345678", "P0301, P0420 effacés");
        clock.advance(Duration.ofMinutes(2));
        journal.record("docs.document.validated", "kbis-dupont.pdf", "");

        List<AuditEntry> all = journal.find(AuditQuery.all());
        assertThat(all).extracting(AuditEntry::action).containsExactly("docs.document.validated", "obd.codes.cleared");
        assertThat(all.getLast().actor()).isEqualTo("karim");
        assertThat(all.getLast().occurredAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(journal.find(AuditQuery.all().withActionPrefix("obd."))).hasSize(1);
        assertThat(journal.find(AuditQuery.all().withText("dupont"))).hasSize(1);
        assertThat(journal.find(AuditQuery.all().withText("100%"))).isEmpty();
        assertThat(journal.find(AuditQuery.all().between(Instant.parse("2026-11-21T08:01:00Z"), null))).hasSize(1);
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() throws SQLException {
        journal.record("obd.codes.cleared", "VIN", "");
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE CORE.AUDIT_ENTRY SET ACTOR = 'personne'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM CORE.AUDIT_ENTRY"))
                    .hasMessageContaining("append-only");
        }
        assertThat(journal.find(AuditQuery.all())).singleElement().extracting(AuditEntry::actor).isEqualTo("karim");
    }

    @Test
    void theHashChainDetectsAnEntryAlteredBehindTheApplicationsBack() throws SQLException {
        for (int i = 0; i < 5; i++) {
            journal.record("docs.document.corrected", "doc-" + i, "siren corrigé");
        }
        assertThat(journal.verify()).isEqualTo(new AuditVerification(5, java.util.OptionalLong.empty()));

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER CORE.AUDIT_ENTRY_NO_UPDATE");
            s.executeUpdate("UPDATE CORE.AUDIT_ENTRY SET DETAILS = 'rien' WHERE SEQ = 3");
        }
        AuditVerification verification = journal.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).hasValue(3);
    }

    @Test
    void entriesWrittenAfterABackupSurviveItsRestore() {
        journal.record("docs.document.validated", "a.pdf", "");
        var backup = database.backup(fr.novaevo.workstation.core.storage.BackupKind.MANUAL);
        clock.advance(Duration.ofMinutes(1));
        journal.record("obd.codes.cleared", "VIN", "P0420");
        List<AuditEntry> before = journal.all();

        database.restore(backup.file());
        assertThat(journal.all()).as("the backup alone").hasSize(1);
        assertThat(journal.carryOver(before)).isEqualTo(1);

        assertThat(journal.all()).extracting(AuditEntry::action).containsExactly("docs.document.validated", "obd.codes.cleared");
        assertThat(journal.all().getLast().occurredAt()).isEqualTo(Instant.parse("2026-11-21T08:01:00Z"));
        assertThat(journal.carryOver(before)).as("idempotent").isZero();
        assertThat(journal.verify().intact()).isTrue();
    }

    @Test
    void anActionMustBeAStableDottedCode() {
        assertThatThrownBy(() -> journal.record("Codes effacés", "", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exportsACsvThatFrenchSpreadsheetsOpenAndThatCannotRunFormulas() throws Exception {
        journal.record("obd.codes.cleared", "=HYPERLINK(\"http://x\")", "ligne 1; \"citée\"");
        Path csv = dataDir.resolve("journal.csv");
        AuditCsvExport.write(journal.find(AuditQuery.all()), csv, ZoneId.of("Europe/Paris"),
                List.of("N°", "Date", "Qui", "Action", "Objet", "Détails", "Empreinte"));

        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFN°;Date;Qui;Action;Objet;Détails;Empreinte");
        assertThat(lines.get(1)).startsWith("1;21/11/2026 09:00:00;karim;obd.codes.cleared;\"'=HYPERLINK(\"\"http://x\"\")\";"
                + "\"ligne 1; \"\"citée\"\"\";");
        assertThat(dataDir.resolve("journal.csv.partial")).doesNotExist();
    }
}
