package fr.novaevo.workstation.ocr.trust;

import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.result.PlatformVerification;
import fr.novaevo.workstation.ocr.batch.WorkerProcessor;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the platform's trust level to the results of Kbis extracts. Optional by design: without a verifier,
 * with one that fails or does not answer within its deadline, the document is exactly what it would have been,
 * only without a trust level (and its status and reasons are never changed by the platform's answer).
 */
public final class KbisTrust {

    private static final Logger LOG = LoggerFactory.getLogger(KbisTrust.class);

    private final KbisVerifier verifier;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("kbis-verification-", 0).factory());

    public KbisTrust(KbisVerifier verifier, Duration timeout) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The result with the platform's verification when it answered in time; the result unchanged otherwise. */
    public DocumentResult verify(DocumentResult result) {
        if (result.documentType() != DocumentType.KBIS || result.extraction().isEmpty()) {
            return result;
        }
        Optional<KbisVerificationRequest> request = KbisVerificationRequest.of(result.extraction().get());
        if (request.isEmpty()) {
            return result;
        }
        Future<PlatformVerification> answer = calls.submit(() -> verifier.verify(request.get()));
        try {
            PlatformVerification verification = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return verification == null ? result : result.withVerification(verification);
        } catch (TimeoutException e) {
            answer.cancel(true);
            LOG.info("{}: the platform's verification did not answer within {}; no trust level", result.file().getFileName(),
                    timeout);
        } catch (ExecutionException e) {
            LOG.info("{}: the platform's verification failed ({}); no trust level", result.file().getFileName(),
                    e.getCause() == null ? e.toString() : e.getCause().toString());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** Processors that ask the platform after reading each document; {@code trust} empty: the processors as they are. */
    public static WorkerProcessor.Factory around(WorkerProcessor.Factory processors, Optional<KbisTrust> trust) {
        Objects.requireNonNull(processors, "processors");
        return trust.isEmpty() ? processors : around(processors, () -> trust);
    }

    /**
     * Processors that ask the platform after reading each document when {@code current} gives a trust check at that
     * moment: the application's platform can be configured, changed or removed while batches run.
     */
    public static WorkerProcessor.Factory around(WorkerProcessor.Factory processors,
                                                 Supplier<Optional<KbisTrust>> current) {
        Objects.requireNonNull(processors, "processors");
        Objects.requireNonNull(current, "current");
        return () -> {
            WorkerProcessor inner = processors.open();
            return new WorkerProcessor() {
                @Override
                public DocumentResult process(Path file, JobContext job) {
                    DocumentResult read = inner.process(file, job);
                    Optional<KbisTrust> trust = current.get();
                    return job.isCancelled() || trust.isEmpty() ? read : trust.get().verify(read);
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        };
    }
}
