package fr.novaevo.workstation.ocr.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.ocr.result.PlatformVerification;
import fr.novaevo.workstation.ocr.QuietJob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.SchemaModule;
import fr.novaevo.workstation.ocr.batch.BatchEngine;
import fr.novaevo.workstation.ocr.batch.BatchExports;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.BatchSettings;
import fr.novaevo.workstation.ocr.batch.BatchStore;
import fr.novaevo.workstation.ocr.batch.KbisWorkerProcessors;
import fr.novaevo.workstation.ocr.batch.WorkerProcessor;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbisTrustTest {

    private static final PlatformVerification VERIFIED = new PlatformVerification("verified", 3,
            List.of(new PlatformVerification.Check("siren_registered", true),
                    new PlatformVerification.Check("extract_recent", true)));

    @TempDir
    Path dir;

    private static DocumentResult kbis(String siren) {
        Map<FieldKey, ExtractedField> f = new EnumMap<>(FieldKey.class);
        f.put(FieldKey.SIREN, new ExtractedField(FieldKey.SIREN, siren, 0.99, Optional.empty()));
        f.put(FieldKey.DENOMINATION, new ExtractedField(FieldKey.DENOMINATION, "GARAGE DU CENTRE", 0.99, Optional.empty()));
        f.put(FieldKey.RCS_VILLE, new ExtractedField(FieldKey.RCS_VILLE, "Nantes", 0.99, Optional.empty()));
        f.put(FieldKey.DATE_EXTRAIT, new ExtractedField(FieldKey.DATE_EXTRAIT, "2026-11-07", 0.99, Optional.empty()));
        f.put(FieldKey.CODE_VERIFICATION, new ExtractedField(FieldKey.CODE_VERIFICATION, "kG3KOoLOE7", 0.8,
                Optional.empty()));
        return new DocumentResult(Path.of("kbis.pdf"), DocumentStatus.NEEDS_REVIEW, DocumentType.KBIS,
                Optional.of(new KbisExtraction(f, List.of())), List.of(new Issue("KBIS-CODE-AMBIGUOUS", "ambiguous")));
    }

    @Test
    void theFieldsTheContractNamesAreSentAndTheAnswerIsKeptWithTheDocumentUnchangedOtherwise() {
        List<KbisVerificationRequest> sent = new ArrayList<>();
        KbisTrust trust = new KbisTrust(request -> {
            sent.add(request);
            return VERIFIED;
        }, Duration.ofSeconds(5));

        DocumentResult read = kbis("518452750");
        DocumentResult verified = trust.verify(read);

        assertThat(sent).containsExactly(new KbisVerificationRequest("518452750", "GARAGE DU CENTRE", "Nantes",
                LocalDate.of(2026, 11, 7), "kG3KOoLOE7"));
        assertThat(verified.verification()).contains(VERIFIED);
        assertThat(verified.trustLevel()).contains(3);
        assertThat(verified.status()).isEqualTo(read.status());
        assertThat(verified.issues()).isEqualTo(read.issues());
        assertThat(verified.extraction()).isEqualTo(read.extraction());
    }

    @Test
    void aFailingOrSilentPlatformLeavesTheDocumentAsItWasWithoutATrustLevel() {
        DocumentResult read = kbis("518452750");
        KbisTrust failing = new KbisTrust(request -> {
            throw new IllegalStateException("[SYNC-OFFLINE] no network");
        }, Duration.ofSeconds(5));
        assertThat(failing.verify(read)).isEqualTo(read);

        CountDownLatch never = new CountDownLatch(1);
        KbisTrust silent = new KbisTrust(request -> {
            try {
                never.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return VERIFIED;
        }, Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(silent.verify(read)).isEqualTo(read);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));

        assertThat(new KbisTrust(request -> null, Duration.ofSeconds(1)).verify(read)).isEqualTo(read);
    }

    @Test
    void onlyKbisExtractsWithANineDigitSirenAreSent() {
        List<KbisVerificationRequest> sent = new ArrayList<>();
        KbisTrust trust = new KbisTrust(request -> {
            sent.add(request);
            return VERIFIED;
        }, Duration.ofSeconds(5));
        DocumentResult other = new DocumentResult(Path.of("facture.pdf"), DocumentStatus.NEEDS_REVIEW, DocumentType.OTHER,
                Optional.empty(), List.of(new Issue("OCR-NOT-A-KBIS", "not a Kbis")));
        DocumentResult error = DocumentResult.error(Path.of("x.pdf"), new Issue("OCR-DAMAGED", "damaged"));

        assertThat(trust.verify(other)).isEqualTo(other);
        assertThat(trust.verify(error)).isEqualTo(error);
        assertThat(trust.verify(kbis("51845275"))).isEqualTo(kbis("51845275"));
        assertThat(sent).isEmpty();
    }

    @Test
    void aBatchWithTheVerifierStoresTheTrustLevelAndExportsItWithoutAVerifierNothingChanges() throws Exception {
        Path extract = Path.of("../../shared/corpus/kbis/kbis-dev-001.pdf").toAbsolutePath().normalize();
        if (!Files.exists(extract)) {
            extract = Path.of("../shared/corpus/kbis/kbis-dev-001.pdf").toAbsolutePath().normalize();
        }
        Path input = Files.copy(extract, Files.createDirectories(dir.resolve("in")).resolve("a.pdf"));
        WorkerProcessor.Factory real = KbisWorkerProcessors.factory(DocumentLimits.DEFAULT, Clock.systemUTC());
        assertThat(KbisTrust.around(real, Optional.empty())).as("no platform: the processors as they are").isSameAs(real);

        try (Database db = Database.open(DataLayout.at(dir.resolve("data")), List.of(new SchemaModule("core"),
                BatchStore.SCHEMA), Clock.systemUTC())) {
            BatchEngine engine = new BatchEngine(db.dataSource(), KbisTrust.around(real,
                    Optional.of(new KbisTrust(request -> VERIFIED, Duration.ofSeconds(5)))),
                    BatchSettings.defaults().withWorkers(1), Clock.systemUTC());
            long id = engine.submit(BatchRequest.now("confiance", List.of(input), 0));
            engine.run(id, QuietJob.INSTANCE);
            try (var results = engine.store().results(id)) {
                assertThat(results.toList()).singleElement().satisfies(r -> assertThat(r.verification()).contains(VERIFIED));
            }
            Path jsonl = dir.resolve("r.jsonl");
            Path xlsx = dir.resolve("r.xlsx");
            BatchExports exports = new BatchExports(engine.store());
            exports.writeJsonLines(id, jsonl);
            exports.writeExcel(id, xlsx, QuietJob.INSTANCE);
            JsonNode line = new ObjectMapper().readTree(Files.readAllLines(jsonl).getFirst());
            assertThat(line.at("/platform_verification/trust_level").asInt()).isEqualTo(3);
            assertThat(line.at("/fields/siren").asText()).matches("\\d{9}");
            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
                Row header = book.getSheet("Documents").getRow(0);
                Row row = book.getSheet("Documents").getRow(1);
                int last = header.getLastCellNum() - 1;
                assertThat(header.getCell(last).getStringCellValue()).isEqualTo("Niveau de confiance plateforme");
                assertThat(row.getCell(last).getNumericCellValue()).isEqualTo(3.0);
                assertThat(row.getCell(last - 1).getStringCellValue()).isEqualTo("Vérifié");
            }
        }
    }
}
