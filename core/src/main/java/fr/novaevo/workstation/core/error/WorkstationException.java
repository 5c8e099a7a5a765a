package fr.novaevo.workstation.core.error;

import java.util.List;
import java.util.Objects;

/**
 * An expected failure a user can meet, with a stable code they can quote (for example {@code DB-LOCKED}).
 *
 * <p>The UI translates {@link #code()} through its resource bundles ({@code error.DB-LOCKED}) with
 * {@link #arguments()}; {@link #getMessage()} is the English sentence for logs and the command line.
 */
public class WorkstationException extends RuntimeException {

    private final String code;
    private final List<Object> arguments;

    public WorkstationException(String code, String message, Throwable cause, Object... arguments) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.arguments = List.of(arguments);
    }

    public WorkstationException(String code, String message, Object... arguments) {
        this(code, message, null, arguments);
    }

    /** Stable, quotable, never translated. */
    public String code() {
        return code;
    }

    /** Values the translated message refers to as {0}, {1}... */
    public List<Object> arguments() {
        return arguments;
    }
}
