package fr.novaevo.workstation.app.bootstrap.platform;

import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.settings.SettingsStore;
import fr.novaevo.workstation.ocr.result.PlatformVerification;
import fr.novaevo.workstation.ocr.trust.KbisVerificationRequest;
import fr.novaevo.workstation.ocr.trust.KbisVerifier;
import fr.novaevo.workstation.sync.model.KbisRequest;
import fr.novaevo.workstation.sync.model.KbisVerification;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The documents module's {@link KbisVerifier} over the window's platform session ({@code verifications/kbis}).
 * Only used when a platform is configured: the demo emulator's register is made up, and a trust level from it
 * would mislead someone checking a real supplier. Failures are thrown; {@code KbisTrust} turns them into "no
 * trust level".
 */
public final class PlatformKbisVerifier implements KbisVerifier {

    /** Below the documents' own wait for the answer, so that a slow platform is reported as such. */
    static final Duration DEADLINE = Duration.ofSeconds(8);

    private final PlatformConnection platform;
    private final Duration deadline;

    public PlatformKbisVerifier(PlatformConnection platform, Duration deadline) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * The verifier the documents use with these settings: over {@code platform} when a platform is configured,
     * none in demo mode.
     */
    public static Optional<KbisVerifier> whenConfigured(PlatformConnection platform, SettingsStore settings) {
        return PlatformSession.Target.of(settings).demo() ? Optional.empty()
                : Optional.of(new PlatformKbisVerifier(platform, DEADLINE));
    }

    @Override
    public PlatformVerification verify(KbisVerificationRequest request) {
        Future<KbisVerification> answer = platform.verifyKbis(new KbisRequest(request.siren(), request.denomination(),
                request.rcsVille(), request.dateExtrait(), request.codeVerification()));
        try {
            return toResult(answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new WorkstationException("OCR-TRUST-TIMEOUT", "the platform did not answer within " + deadline, e);
        } catch (ExecutionException e) {
            throw new WorkstationException("OCR-TRUST-FAILED", "the platform's verification failed", e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new WorkstationException("OCR-TRUST-FAILED", "interrupted while asking the platform", e);
        }
    }

    static PlatformVerification toResult(KbisVerification answer) {
        return new PlatformVerification(answer.status(), answer.trustLevel(), answer.checks().stream()
                .map(c -> new PlatformVerification.Check(c.name(), c.ok())).toList());
    }
}
