package fr.novaevo.workstation.sync.model;

/** A parts partner of the platform ({@code p-pex}, "Pièces Express"). */
public record Partner(String id, String name) {
}
