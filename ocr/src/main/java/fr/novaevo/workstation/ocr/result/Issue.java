package fr.novaevo.workstation.ocr.result;

import java.util.Objects;

/**
 * A reason a document failed or needs a person's review, with a stable code the UI translates
 * ({@code error.<code>}) and an English message for logs and the command line.
 */
public record Issue(String code, String message) {

    public Issue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
