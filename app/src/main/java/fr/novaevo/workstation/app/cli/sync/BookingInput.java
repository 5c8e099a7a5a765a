package fr.novaevo.workstation.app.cli.sync;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.ServiceCode;
import fr.novaevo.workstation.sync.store.BookingRepository;
import fr.novaevo.workstation.sync.store.LocalBooking;
import fr.novaevo.workstation.sync.store.LocalEditException;

/** Reading what the user typed for a booking: times, statuses, service codes, booking ids. */
final class BookingInput {

    private BookingInput() {
    }

    /**
     * A start time: RFC 3339 ({@code 2026-11-23T08:30:00Z}, {@code 2026-11-23T09:30+01:00}) or a local time
     * without offset ({@code 2026-11-23T09:30}), read in {@code zone}.
     */
    static Optional<Instant> instant(String text, ZoneId zone) {
        String t = text.strip();
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeException e) {
            // not UTC with Z: try the other forms
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeException e) {
            // no offset: a local time
        }
        try {
            return Optional.of(LocalDateTime.parse(t).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A status by its contract name ({@code checked_in}); {@code checked-in} and capitals are accepted too. */
    static Optional<BookingStatus> status(String text) {
        return BookingStatus.fromWire(text.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    static String statuses() {
        return Arrays.stream(BookingStatus.values()).map(BookingStatus::wire).collect(Collectors.joining(", "));
    }

    static Optional<ServiceCode> service(String text) {
        return ServiceCode.fromWire(text.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    static String services() {
        return Arrays.stream(ServiceCode.values()).map(ServiceCode::wire).collect(Collectors.joining(", "));
    }

    /**
     * A booking named by its id, or by the start of its id when only one booking starts so (at least 4
     * characters): ids are long to type at a bench.
     */
    static LocalBooking find(BookingRepository bookings, String typed) {
        String text = typed.strip().toLowerCase(Locale.ROOT);
        try {
            UUID id = UUID.fromString(text);
            if (text.length() == 36) {
                return bookings.find(id).orElseThrow(() -> notFound(typed));
            }
        } catch (IllegalArgumentException e) {
            // not a whole id: a prefix
        }
        if (text.length() < 4) {
            throw new LocalEditException(LocalEditException.NOT_FOUND,
                    "give the booking's id, or at least its first 4 characters: " + typed, typed);
        }
        List<LocalBooking> matches = bookings.all().stream()
                .filter(b -> b.booking().id().toString().startsWith(text)).toList();
        if (matches.size() > 1) {
            throw new fr.novaevo.workstation.core.error.WorkstationException("SYNC-CLI-AMBIGUOUS-ID", matches.size() + " bookings have an id starting with "
                    + typed + ": type more of it", typed);
        }
        return matches.stream().findFirst().orElseThrow(() -> notFound(typed));
    }

    private static LocalEditException notFound(String typed) {
        return new LocalEditException(LocalEditException.NOT_FOUND, "no booking " + typed
                + " in this data folder (run workstation sync to get the platform's)", typed);
    }
}
