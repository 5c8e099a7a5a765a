package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A booking's life cycle, with exactly the transitions the platform contract allows. */
public enum BookingStatus {
    REQUESTED("requested"),
    CONFIRMED("confirmed"),
    CHECKED_IN("checked_in"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    NO_SHOW("no_show");

    private final String wire;

    BookingStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static BookingStatus fromJson(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown booking status: " + value));
    }

    public static Optional<BookingStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    /** The statuses this one may move to; empty for final statuses. */
    public Set<BookingStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(CHECKED_IN, CANCELLED, NO_SHOW);
            case CHECKED_IN -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED, NO_SHOW -> EnumSet.noneOf(BookingStatus.class);
        };
    }

    public boolean canBecome(BookingStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Cancelled and no-show bookings free their bay for the overlap rule. */
    public boolean occupiesBay() {
        return this != CANCELLED && this != NO_SHOW;
    }

    /** The statuses a walk-in booking may be created with. */
    public boolean allowedOnCreate() {
        return this == REQUESTED || this == CONFIRMED || this == CHECKED_IN || this == IN_PROGRESS;
    }
}
