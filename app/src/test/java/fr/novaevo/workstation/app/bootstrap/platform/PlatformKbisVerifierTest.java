package fr.novaevo.workstation.app.bootstrap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.ocr.result.PlatformVerification;
import fr.novaevo.workstation.ocr.trust.KbisVerificationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kbis trust level through the window's platform session, against the emulator over HTTP on loopback. */
class PlatformKbisVerifierTest {

    @TempDir
    Path dir;

    @Test
    void aRecentExtractOfAKnownCompanyWithItsCodeIsVerifiedWithTheHighestTrust() {
        try (ConfiguredPlatform p = new ConfiguredPlatform(dir)) {
            PlatformVerification v = new PlatformKbisVerifier(p.platform, Duration.ofSeconds(10)).verify(
                    new KbisVerificationRequest("518452750", "Garage du Centre", "Nantes", LocalDate.now().minusDays(5),
                            "kG3KOoLOE7"));
            assertThat(v.status()).isEqualTo("verified");
            assertThat(v.trustLevel()).isEqualTo(3);
            assertThat(v.checks()).contains(new PlatformVerification.Check("siren_registered", true),
                    new PlatformVerification.Check("verification_code_valid", true));
        }
    }

    @Test
    void anUnknownCompanyIsNotFoundAndAWrongNameIsAMismatch() {
        try (ConfiguredPlatform p = new ConfiguredPlatform(dir)) {
            PlatformKbisVerifier verifier = new PlatformKbisVerifier(p.platform, Duration.ofSeconds(10));
            PlatformVerification unknown = verifier.verify(new KbisVerificationRequest("542107651", "INCONNUE", null,
                    LocalDate.now(), null));
            assertThat(unknown.status()).isEqualTo("not_found");
            assertThat(unknown.trustLevel()).isZero();
            PlatformVerification wrongName = verifier.verify(new KbisVerificationRequest("518452750", "AUTRE NOM",
                    "Nantes", LocalDate.now(), null));
            assertThat(wrongName.status()).isEqualTo("mismatch");
            assertThat(wrongName.trustLevel()).isEqualTo(1);
        }
    }

    @Test
    void anUnreachablePlatformIsATypedFailureNotAnAnswer() {
        try (ConfiguredPlatform p = new ConfiguredPlatform(dir)) {
            p.emulator.close();
            assertThatThrownBy(() -> new PlatformKbisVerifier(p.platform, Duration.ofSeconds(10)).verify(
                    new KbisVerificationRequest("518452750", "GARAGE DU CENTRE", "Nantes", LocalDate.now(), null)))
                    .isInstanceOf(WorkstationException.class)
                    .satisfies(e -> assertThat(((WorkstationException) e).code()).startsWith("OCR-TRUST-"));
        }
    }
}
