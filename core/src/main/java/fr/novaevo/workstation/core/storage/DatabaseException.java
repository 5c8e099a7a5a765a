package fr.novaevo.workstation.core.storage;

import fr.novaevo.workstation.core.error.WorkstationException;

/** The database cannot be used, for a reason the UI explains together with its way out. */
public final class DatabaseException extends WorkstationException {

    private final DatabaseProblem problem;

    public DatabaseException(DatabaseProblem problem, String message, Throwable cause, Object... arguments) {
        super(problem.code(), message, cause, arguments);
        this.problem = problem;
    }

    public DatabaseProblem problem() {
        return problem;
    }
}
