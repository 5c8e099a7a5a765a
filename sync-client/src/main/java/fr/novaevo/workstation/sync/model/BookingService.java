package fr.novaevo.workstation.sync.model;

/** The booking's {@code service}: what the customer came for. */
public record BookingService(ServiceCode code, String description) {
}
