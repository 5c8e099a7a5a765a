package fr.novaevo.workstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.document.Deadline;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.document.DocumentReader;
import fr.novaevo.workstation.ocr.document.Word;
import fr.novaevo.workstation.ocr.engine.Binarization;
import fr.novaevo.workstation.ocr.engine.OcrEngine;
import fr.novaevo.workstation.ocr.kbis.DocumentClassifier;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.kbis.KbisFieldExtractor;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path from a file to its result, on text-layer documents (no OCR needed). */
class KbisDocumentProcessorTest {

    private static final Clock JAN_2025 = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);

    /** An OCR engine that fails the way a crashing native library does: the document must fail alone. */
    private static final class BrokenEngine implements OcrEngine {
        @Override
        public List<Word> recognize(BufferedImage grayImage, int dpi, Binarization binarization, Deadline deadline) {
            throw new IllegalStateException("native engine crashed");
        }

        @Override
        public void close() {
        }
    }

    @TempDir
    Path dir;

    private KbisDocumentProcessor processor(OcrEngine engine) {
        return new KbisDocumentProcessor(new DocumentReader(engine, DocumentLimits.DEFAULT), new DocumentClassifier(),
                new KbisFieldExtractor(), new KbisChecks(JAN_2025), JAN_2025);
    }

    private Path kbisPdf(String formeJuridique, String role) throws IOException {
        return TestDocuments.textPdf(dir.resolve("kbis.pdf"), List.of(List.of(
                "Greffe du Tribunal de Commerce de Nantes",
                "N° de gestion 2019B00982",
                "Code de vérification : 9AwtlPRkXk",
                "Extrait Kbis",
                "EXTRAIT D'IMMATRICULATION PRINCIPALE AU REGISTRE DU COMMERCE ET DES SOCIETES",
                "à jour au 2 janvier 2025",
                "IDENTIFICATION DE LA PERSONNE MORALE",
                "Immatriculation au RCS, numéro                518 452 750 R.C.S. Nantes",
                "Date d'immatriculation                         03/01/2019",
                "Dénomination ou raison sociale                 GARAGE DU PORT",
                "Forme juridique                                " + formeJuridique,
                "Capital social                                 10 000,00 Euros",
                "Adresse du siège                               2 Quai de la Fosse 44000 Nantes",
                "GESTION, DIRECTION, ADMINISTRATION, CONTROLE, ASSOCIES OU MEMBRES",
                role,
                "Nom, prénoms                                   LECOMTE Luc",
                "Date et lieu de naissance                      Le 17/12/1972 à NANTES (44)",
                "RENSEIGNEMENTS RELATIFS A L'ACTIVITE ET A L'ETABLISSEMENT PRINCIPAL",
                "Adresse de l'établissement                     2 Quai de la Fosse 44000 Nantes",
                "Activité(s) exercée(s)                         Entretien et réparation de véhicules",
                "FIN DE L'EXTRAIT",
                "R.C.S. Nantes - 03/01/2025 - 12:49:52")));
    }

    @Test
    void aRecentConsistentKbisIsOk() throws IOException {
        DocumentResult result = processor(new BrokenEngine()).process(kbisPdf("Société par actions simplifiée", "Président"));

        assertThat(result.issues()).isEmpty();
        assertThat(result.status()).isEqualTo(DocumentStatus.OK);
        assertThat(result.documentType()).isEqualTo(DocumentType.KBIS);
        assertThat(result.extraction().orElseThrow().value(FieldKey.SIREN)).contains("518452750");
        assertThat(result.extraction().orElseThrow().value(FieldKey.TVA_INTRACOM)).contains(
                fr.novaevo.workstation.ocr.kbis.Siren.vatNumber("518452750"));
    }

    @Test
    void anInconsistentKbisNeedsReviewWithTheReason() throws IOException {
        DocumentResult result = processor(new BrokenEngine()).process(kbisPdf("Société par actions simplifiée", "Gérant"));

        assertThat(result.status()).isEqualTo(DocumentStatus.NEEDS_REVIEW);
        assertThat(result.issues()).extracting(Issue::code).containsExactly("KBIS-OFFICERS-INCONSISTENT");
    }

    @Test
    void aFailingOcrEngineFailsOnlyThatDocument() throws IOException {
        Path scan = TestDocuments.imagePdf(dir.resolve("scan.pdf"), TestDocuments.page(List.of("Extrait Kbis")));

        DocumentResult result = processor(new BrokenEngine()).process(scan);

        assertThat(result.status()).isEqualTo(DocumentStatus.ERROR);
        assertThat(result.issues()).extracting(Issue::code).containsExactly("OCR-INTERNAL");
    }

    /** Records the progress it is told of; cancelled from the start when asked. */
    private static final class Job implements JobContext {
        final List<String> progress = new java.util.ArrayList<>();
        final boolean cancelled;

        Job(boolean cancelled) {
            this.cancelled = cancelled;
        }

        @Override
        public void progress(long done, long total, String step) {
            progress.add(step + " " + done + "/" + total);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    @Test
    void reportsEachPageReadAndStopsWhenCancelled() throws IOException {
        Path pdf = TestDocuments.textPdf(dir.resolve("two.pdf"), List.of(
                List.of("Greffe du Tribunal de Commerce de Nantes", "Extrait Kbis"),
                List.of("FIN DE L'EXTRAIT", "R.C.S. Nantes - 03/01/2025 - 12:49:52")));
        Job job = new Job(false);

        processor(new BrokenEngine()).process(pdf, job);
        DocumentResult cancelled = processor(new BrokenEngine()).process(pdf, new Job(true));

        assertThat(job.progress).containsExactly("page 1/2", "page 2/2");
        assertThat(cancelled.status()).isEqualTo(DocumentStatus.ERROR);
        assertThat(cancelled.issues()).extracting(Issue::code).containsExactly("OCR-CANCELLED");
    }

    @Test
    void aBadFileIsAnErrorResultNotAnException() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.jpg"));

        DocumentResult result = processor(new BrokenEngine()).process(empty);

        assertThat(result.status()).isEqualTo(DocumentStatus.ERROR);
        assertThat(result.issues()).extracting(Issue::code).containsExactly("OCR-EMPTY-FILE");
    }
}
