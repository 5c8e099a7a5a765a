package fr.novaevo.workstation.sync.emulator;

/** A request the emulator answers with an {@code application/problem+json} error. */
final class ApiProblem extends RuntimeException {

    final int status;
    final String code;
    final Integer retryAfterSeconds;

    ApiProblem(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    ApiProblem(int status, String code, String detail, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
