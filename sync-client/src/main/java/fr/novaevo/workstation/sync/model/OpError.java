package fr.novaevo.workstation.sync.model;

/** Why an operation was rejected; for {@code invalid_field}, {@code message} is the field's dotted path. */
public record OpError(String code, String message) {
}
