package fr.novaevo.workstation.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.error.PlatformProblemException;
import fr.novaevo.workstation.sync.error.ProblemCode;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.model.FeedbackReceipt;
import fr.novaevo.workstation.sync.model.FeedbackRequest;
import fr.novaevo.workstation.sync.model.KbisRequest;
import fr.novaevo.workstation.sync.model.KbisVerification;
import fr.novaevo.workstation.sync.model.PartsOffer;
import fr.novaevo.workstation.sync.model.PartsOffers;
import fr.novaevo.workstation.sync.model.Release;
import fr.novaevo.workstation.sync.testing.InMemoryCredentials;
import fr.novaevo.workstation.sync.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parts offers, releases, feedback and Kbis verification: the client against the emulator. */
class PlatformServicesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private PlatformEmulator emulator;
    private PlatformClient client;

    @BeforeEach
    void start() {
        emulator = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey("key").withClock(clock).withSampleData(false));
        client = new PlatformClient(ClientConfig.of(emulator.baseUri(), "g-123", UUID.randomUUID(), "0.1.0-test")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(20)),
                new InMemoryCredentials("key"), SyncJson.newMapper(), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void offersForAFaultCodeComeInStockFirstThenByPrice() {
        PartsOffers offers = client.partsOffers(null, "P0130", null);

        assertThat(offers.offers()).extracting(PartsOffer::offerId).containsExactly("o-55822", "o-55821");
        PartsOffer first = offers.offers().getFirst();
        assertThat(first.availability()).isEqualTo("in_stock");
        assertThat(first.price().cents()).isEqualTo(14250);
        assertThat(first.trackingUrl()).isEqualTo("https://partners.novaevo.fr/r/o-55822?g=g-123");
    }

    @Test
    void theCodesOfTheBuiltInVirtualVehiclesFindPartsForTheirMake() {
        // The demo vehicle (a Renault, VF1) reports P0420: the downstream probe and the catalysts.
        assertThat(client.partsOffers("VF1RJA00XKB123456", "P0420", null).offers())
                .extracting(PartsOffer::offerId).containsExactly("o-80121", "o-80118", "o-80117");
        assertThat(client.partsOffers("VF1RJA00XKB123456", "P0171", null).offers()).extracting(PartsOffer::title)
                .containsExactly("Joint de collecteur d'admission Elring", "Débitmètre d'air Bosch");
        assertThat(client.partsOffers("VF1RJA00XKB123456", "P0302", null).offers()).extracting(PartsOffer::availability)
                .containsExactly("in_stock", "in_stock", "on_order");
        assertThat(client.partsOffers("VF1RJA00XKB123456", "P0133", null).offers()).hasSize(1);
        assertThat(client.partsOffers("VF1RJA00XKB123456", "U0100", null).offers()).isEmpty();
    }

    @Test
    void aVinKeepsOnlyPartsForItsMakeAndBothCriteriaMustMatch() {
        // VF3 is Peugeot: the NGK probe (Renault, Dacia, Toyota) does not fit.
        assertThat(client.partsOffers("VF3MCYHZRKS123456", "P0130", null).offers()).extracting(PartsOffer::offerId)
                .containsExactly("o-55821");
        assertThat(client.partsOffers(null, "P0401", "valeo").offers()).extracting(PartsOffer::offerId)
                .containsExactly("o-61003");
        assertThat(client.partsOffers(null, null, "plaquettes").offers()).hasSize(1);
        assertThatThrownBy(() -> client.partsOffers("VF3MCYHZRKS123456", null, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latestReleaseNeedsNoSignIn() {
        Release release = client.latestRelease("linux", "x64", "stable");
        assertThat(release.version()).isEqualTo("1.4.0");
        assertThat(release.sha256()).hasSize(64);
        assertThatThrownBy(() -> client.latestRelease("amiga", "x64", "stable"))
                .isInstanceOfSatisfying(PlatformProblemException.class,
                        e -> assertThat(e.problemCode()).isEqualTo(ProblemCode.INVALID_PARAMETER));
    }

    @Test
    void feedbackIsAcceptedWithAZipAndRefusedAboveFiveMegabytes() throws Exception {
        FeedbackReceipt receipt = client.sendFeedback(new FeedbackRequest("bug", "La synchro reste hors ligne",
                "0.1.0", "Linux", Base64.getEncoder().encodeToString(zip(1000))));

        assertThat(receipt.feedbackId()).startsWith("fb-");
        assertThat(receipt.receivedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> client.sendFeedback(new FeedbackRequest("bug", "trop gros", "0.1.0", "Linux",
                Base64.getEncoder().encodeToString(new byte[5_000_100])))).isInstanceOfSatisfying(
                PlatformProblemException.class, e -> assertThat(e.problemCode()).isEqualTo(ProblemCode.PAYLOAD_TOO_LARGE));
        assertThatThrownBy(() -> client.sendFeedback(new FeedbackRequest("rant", "x", "0.1.0", "Linux", null)))
                .isInstanceOfSatisfying(PlatformProblemException.class,
                        e -> assertThat(e.problemCode()).isEqualTo(ProblemCode.INVALID_REQUEST));
    }

    private static byte[] zip(int logBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("workstation.log"));
            zip.write(new byte[logBytes]);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void kbisVerificationFollowsTheTrustRules() {
        LocalDate recent = LocalDate.of(2026, 11, 7);
        KbisVerification verified = client.verifyKbis(
                new KbisRequest("518452750", "Garage du Centre", "Nantes", recent, "kG3KOoLOE7"));
        assertThat(verified.status()).isEqualTo("verified");
        assertThat(verified.trustLevel()).isEqualTo(3);
        assertThat(verified.checks()).extracting(KbisVerification.Check::name).containsExactly("siren_checksum",
                "siren_registered", "denomination_match", "rcs_ville_match", "verification_code_valid",
                "extract_recent", "company_active");
        assertThat(verified.checks()).allMatch(KbisVerification.Check::ok);

        assertThat(client.verifyKbis(new KbisRequest("518452750", "GARAGE DU CENTRE", null, recent, null)).trustLevel())
                .as("without a known code").isEqualTo(2);
        assertThat(client.verifyKbis(new KbisRequest("518452750", "GARAGE DU CENTRE", null,
                LocalDate.of(2026, 5, 1), null)).trustLevel()).as("old extract, no code: at least 1").isEqualTo(1);
        KbisVerification wrongCode = client.verifyKbis(
                new KbisRequest("518452750", "GARAGE DU CENTRE", "Nantes", recent, "XXXXXXXXXX"));
        assertThat(wrongCode.status()).isEqualTo("mismatch");
        assertThat(wrongCode.trustLevel()).isEqualTo(1);
        KbisVerification struckOff = client.verifyKbis(
                new KbisRequest("443061841", "Mécanique Moreau et Fils", "Angers", recent, "Zr8TqP2mWx"));
        assertThat(struckOff.status()).isEqualTo("mismatch");
        assertThat(struckOff.trustLevel()).isZero();
        assertThat(client.verifyKbis(new KbisRequest("552100554", "CARROSSERIE DES LILAS", null, recent, null)).status())
                .isEqualTo("pending");
        KbisVerification unknown = client.verifyKbis(new KbisRequest("123456782", "X", null, recent, null));
        assertThat(unknown.status()).isEqualTo("not_found");
        assertThat(unknown.trustLevel()).isZero();
        assertThatThrownBy(() -> client.verifyKbis(new KbisRequest("51845275", "X", null, recent, null)))
                .isInstanceOfSatisfying(PlatformProblemException.class,
                        e -> assertThat(e.problemCode()).isEqualTo(ProblemCode.INVALID_FIELD));
    }
}
