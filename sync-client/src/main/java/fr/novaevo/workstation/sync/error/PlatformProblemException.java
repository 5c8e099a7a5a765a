package fr.novaevo.workstation.sync.error;

import fr.novaevo.workstation.sync.model.Problem;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The platform answered with a problem; {@link #problemCode()} is what callers branch on. */
public final class PlatformProblemException extends SyncException {

    private final int httpStatus;
    private final ProblemCode problemCode;
    private final String rawCode;
    private final Duration retryAfter;

    public PlatformProblemException(int httpStatus, Problem problem, Duration retryAfter) {
        super(errorCode(problem), "platform answered " + httpStatus + " " + codeOf(problem), null,
                httpStatus, codeOf(problem));
        this.httpStatus = httpStatus;
        this.rawCode = codeOf(problem);
        this.problemCode = ProblemCode.fromWire(rawCode);
        this.retryAfter = retryAfter;
    }

    private static String codeOf(Problem problem) {
        return problem == null || problem.code() == null ? "unknown" : problem.code();
    }

    private static String errorCode(Problem problem) {
        return "SYNC-" + codeOf(problem).toUpperCase(Locale.ROOT).replace('_', '-');
    }

    public int httpStatus() {
        return httpStatus;
    }

    public ProblemCode problemCode() {
        return problemCode;
    }

    /** The code as sent, also when this version does not know it. */
    public String rawCode() {
        return rawCode;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Network errors, 408, 429 and 5xx are transient; every other 4xx is final for that request. */
    @Override
    public boolean isTransient() {
        return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500
                || problemCode == ProblemCode.IDEMPOTENCY_IN_PROGRESS;
    }
}
