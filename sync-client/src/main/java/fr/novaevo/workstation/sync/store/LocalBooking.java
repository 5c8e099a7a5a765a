package fr.novaevo.workstation.sync.store;

import fr.novaevo.workstation.sync.model.Booking;

/** A booking as the workstation shows it (platform copy plus unsent changes), with its sync state. */
public record LocalBooking(Booking booking, BookingSyncState syncState) {
}
