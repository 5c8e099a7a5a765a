package fr.novaevo.workstation.app.bootstrap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.app.bootstrap.DocumentBatches;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.PlatformVerification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's trust level on documents read by the workstation's batches, against the emulator over HTTP on
 * loopback: given while a platform is configured, absent otherwise, and never a reason to change a document.
 */
class DocumentTrustTest {

    @TempDir
    Path dir;

    private static Path extract(Path folder, String name) throws Exception {
        Path corpus = Stream.of("../../shared/corpus/kbis", "../shared/corpus/kbis").map(p -> Path.of(p).toAbsolutePath())
                .filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no shared Kbis corpus"));
        Files.createDirectories(folder);
        // kbis-dev-003 is born-digital, one page; its company is not in the emulator's register
        return Files.copy(corpus.resolve("kbis-dev-003.pdf"), folder.resolve(name));
    }

    private static DocumentResult read(DocumentBatches documents, Path file) {
        long id = documents.submit(BatchRequest.now("trust", List.of(file), 0));
        documents.run(id, DocumentBatches.UNWATCHED, documents.settings());
        try (Stream<DocumentResult> results = documents.store().results(id)) {
            return results.findFirst().orElseThrow();
        }
    }

    @Test
    void aConfiguredPlatformAddsItsAnswerAndNothingElseChanges() throws Exception {
        try (ConfiguredPlatform p = new ConfiguredPlatform(dir)) {
            DocumentBatches documents = p.workstation.documents();
            DocumentResult without = read(documents, extract(dir.resolve("in"), "a.pdf"));
            assertThat(without.verification()).as("no verifier yet").isEmpty();

            documents.verifier(PlatformKbisVerifier.whenConfigured(p.platform, p.workstation.settings()));
            DocumentResult verified = read(documents, extract(dir.resolve("in"), "b.pdf"));
            PlatformVerification answer = verified.verification().orElseThrow();
            assertThat(answer.status()).isEqualTo("not_found");
            assertThat(answer.trustLevel()).isZero();
            assertThat(answer.checks()).contains(new PlatformVerification.Check("siren_registered", false));
            assertThat(verified.status()).as("the platform's answer never changes the reading")
                    .isEqualTo(without.status());
            assertThat(verified.issues()).isEqualTo(without.issues());

            p.emulator.close();
            DocumentResult offline = read(documents, extract(dir.resolve("in"), "c.pdf"));
            assertThat(offline.verification()).as("platform unreachable: no trust level").isEmpty();
            assertThat(offline.status()).isEqualTo(without.status()).isNotEqualTo(DocumentStatus.ERROR);

            documents.verifier(Optional.empty());
            assertThat(read(documents, extract(dir.resolve("in"), "d.pdf")).verification()).isEmpty();
        }
    }

    @Test
    void inDemoModeTheDocumentsAskNoPlatform() {
        try (ConfiguredPlatform p = new ConfiguredPlatform(dir)) {
            p.workstation.settings().put(PlatformSettings.URL, "");
            assertThat(PlatformKbisVerifier.whenConfigured(p.platform, p.workstation.settings())).isEmpty();
        }
    }
}
