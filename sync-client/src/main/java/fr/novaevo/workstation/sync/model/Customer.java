package fr.novaevo.workstation.sync.model;

/** The person who booked; only {@code name} is required. */
public record Customer(String name, String phone, String email) {
}
