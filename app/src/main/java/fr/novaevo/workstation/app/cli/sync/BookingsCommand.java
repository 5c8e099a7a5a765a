package fr.novaevo.workstation.app.cli.sync;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.app.cli.CommandBase;
import fr.novaevo.workstation.app.cli.VersionInfo;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.BookingService;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.Customer;
import fr.novaevo.workstation.sync.model.ServiceCode;
import fr.novaevo.workstation.sync.model.Vehicle;
import fr.novaevo.workstation.sync.store.BookingRepository;
import fr.novaevo.workstation.sync.store.LocalBooking;
import fr.novaevo.workstation.sync.store.LocalEditException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workstation bookings ...}: the garage's bookings (rendez-vous) in this data folder. Changes are
 * written to the local store with their outbox entries, and sent to the platform by the next
 * {@code workstation sync}: they work without a network.
 */
@Command(name = "bookings", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Bookings (rendez-vous): list, create a walk-in, change a status, reschedule. Changes are "
            + "kept in this data folder and sent to the platform by the next 'workstation sync'."},
        subcommands = {BookingsCommand.ListBookings.class, BookingsCommand.Create.class,
            BookingsCommand.SetStatus.class, BookingsCommand.Reschedule.class})
public final class BookingsCommand {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE dd/MM/yyyy HH:mm", Locale.ENGLISH);

    /** The zone local times are typed and shown in: the computer's, as at the bench. */
    static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /** One line per booking: when, where, what state, who, which vehicle, what for, and its id. */
    static String line(LocalBooking local) {
        Booking b = local.booking();
        Vehicle v = b.vehicle() == null ? Vehicle.UNKNOWN : b.vehicle();
        String vehicle = java.util.stream.Stream.of(v.make(), v.model(), v.plate())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
        return String.format("%s %4d min  %-14s %-11s %-8s %-22s %-28s %-15s %s",
                DAY_TIME.format(b.slotStart().atZone(zone())), b.durationMinutes(), b.bay(), b.status().wire(),
                local.syncState().name().toLowerCase(Locale.ROOT),
                b.customer() == null ? "" : b.customer().name(), vehicle,
                b.service() == null || b.service().code() == null ? "" : b.service().code().wire(), b.id());
    }

    /** Prints a changed booking: the contract's JSON, or its line and that it waits for the next sync. */
    static void printChanged(CommandBase command, LocalBooking booking, boolean json, String what) {
        if (json) {
            command.out().println(CliJson.write(booking.booking()));
        } else {
            command.out().println(what + " " + booking.booking().id() + " (sent to the platform at the next sync)");
            command.out().println(line(booking));
        }
        command.out().flush();
    }

    /**
     * Refuses a slot that overlaps another booking on the same bay, as the platform would ({@code slot_taken}):
     * better said at the bench now than found in the dead-letter list after the sync.
     */
    static void requireFreeSlot(BookingRepository bookings, String bay, Instant start, int minutes, UUID self) {
        List<LocalBooking> taken = bookings.overlapping(bay, start, minutes, self);
        if (!taken.isEmpty()) {
            Booking other = taken.getFirst().booking();
            throw new WorkstationException("SYNC-EDIT-SLOT-TAKEN", bay + " is taken from "
                    + DAY_TIME.format(other.slotStart().atZone(zone())) + " to "
                    + DateTimeFormatter.ofPattern("HH:mm").format(other.slotEnd().atZone(zone()))
                    + " by booking " + other.id(), bay, other.id().toString());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The bookings of this data folder, by start time, with their sync state (synced, pending, conflict).")
    static final class ListBookings extends CommandBase implements Callable<Integer> {
        @Option(names = "--json", description = "JSON output: the bookings as the platform contract represents them.")
        boolean json;

        ListBookings(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            List<LocalBooking> bookings = PlatformAccess.local(context, workstation()).bookings().all();
            if (json) {
                out().println(CliJson.write(bookings.stream().map(LocalBooking::booking).toList()));
            } else if (bookings.isEmpty()) {
                out().println("No booking in this data folder (run workstation sync to get the platform's)");
            } else {
                bookings.forEach(b -> out().println(line(b)));
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create a walk-in booking (a customer at the counter). Times: 2026-11-23T09:30 (this "
                + "computer's time zone) or RFC 3339 (2026-11-23T08:30:00Z).")
    static final class Create extends CommandBase implements Callable<Integer> {
        @Option(names = "--start", required = true, paramLabel = "TIME", description = "Start of the slot.")
        String start;

        @Option(names = "--duration", paramLabel = "MINUTES", defaultValue = "60",
                description = "Length of the slot, 1 to 10080 minutes (default ${DEFAULT-VALUE}).")
        int duration;

        @Option(names = "--bay", required = true, paramLabel = "BAY", description = "Bay (pont), e.g. \"Pont 2\".")
        String bay;

        @Option(names = "--customer", required = true, paramLabel = "NAME", description = "Customer's name.")
        String customer;

        @Option(names = "--phone", description = "Customer's phone, e.g. +33612345678.")
        String phone;

        @Option(names = "--email", description = "Customer's e-mail.")
        String email;

        @Option(names = "--service", required = true, paramLabel = "CODE",
                description = "diagnostic, maintenance, repair, ecu_programming, tyres, bodywork or other.")
        String service;

        @Option(names = "--description", description = "What the customer came for.")
        String description;

        @Option(names = "--status", paramLabel = "STATUS", defaultValue = "confirmed",
                description = "requested, confirmed, checked_in or in_progress (default ${DEFAULT-VALUE}).")
        String status;

        @Option(names = "--vin", description = "Vehicle's VIN (17 characters, no I, O or Q).")
        String vin;

        @Option(names = "--plate", description = "Registration plate, e.g. AB-123-CD.")
        String plate;

        @Option(names = "--make", description = "Vehicle make, e.g. Renault.")
        String make;

        @Option(names = "--model", description = "Vehicle model, e.g. Clio V.")
        String model;

        @Option(names = "--year", description = "Vehicle's year.")
        Integer year;

        @Option(names = "--mileage", paramLabel = "KM", description = "Mileage in km.")
        Long mileage;

        @Option(names = "--notes", description = "Notes.")
        String notes;

        @Option(names = "--json", description = "JSON output: the new booking as the platform contract represents it.")
        boolean json;

        Create(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Instant slot = BookingInput.instant(start, zone()).orElseThrow(() -> usage("--start: not a time: " + start
                    + " (e.g. 2026-11-23T09:30 or 2026-11-23T08:30:00Z)"));
            BookingStatus initial = BookingInput.status(status).filter(BookingStatus::allowedOnCreate)
                    .orElseThrow(() -> usage("--status: a walk-in starts requested, confirmed, checked_in or in_progress,"
                            + " not " + status));
            ServiceCode code = BookingInput.service(service).orElseThrow(() -> usage("--service: one of "
                    + BookingInput.services() + ", not " + service));
            if (duration < 1 || duration > 10_080) {
                throw usage("--duration must be 1 to 10080 minutes, not " + duration);
            }
            if (bay.isBlank() || customer.isBlank()) {
                throw usage("--bay and --customer must not be empty");
            }
            String normalizedVin = vin == null ? null : vin.strip().toUpperCase(Locale.ROOT);
            if (normalizedVin != null && !Vehicle.isValidVin(normalizedVin)) {
                throw usage("--vin: a VIN has 17 characters, digits and capitals without I, O or Q: " + vin);
            }
            if (mileage != null && mileage < 0) {
                throw usage("--mileage must not be negative");
            }
            PlatformAccess.LocalStore store = PlatformAccess.local(context, workstation());
            BookingRepository bookings = store.bookings();
            requireFreeSlot(bookings, bay.strip(), slot, duration, null);
            Booking draft = new Booking(null, null, null, initial, slot, duration, bay.strip(),
                    new Customer(customer.strip(), blankToNull(phone), blankToNull(email)),
                    new Vehicle(normalizedVin, blankToNull(plate), blankToNull(make), blankToNull(model), year, mileage),
                    new BookingService(code, blankToNull(description)), notes == null ? "" : notes,
                    Booking.SOURCE_WORKSTATION, null, null);
            LocalBooking created = bookings.createWalkIn(draft);
            workstation().audit().record("sync.booking.created", created.booking().id().toString(),
                    "walk-in " + initial.wire() + " on " + bay.strip() + " at " + slot);
            store.changed().run();
            printChanged(this, created, json, "Created walk-in booking");
            return 0;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    @Command(name = "set-status", mixinStandardHelpOptions = true,
            description = "Change a booking's status, as the contract allows: requested -> confirmed | cancelled; "
                + "confirmed -> checked_in | cancelled | no_show; checked_in -> in_progress | cancelled; "
                + "in_progress -> completed. completed, cancelled and no_show are final.")
    static final class SetStatus extends CommandBase implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "The booking's id (or its first characters).")
        String id;

        @Parameters(index = "1", paramLabel = "STATUS", description = "The new status, e.g. checked_in.")
        String status;

        @Option(names = "--json", description = "JSON output: the booking as the platform contract represents it.")
        boolean json;

        SetStatus(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            BookingStatus target = BookingInput.status(status).orElseThrow(() -> usage("STATUS: one of "
                    + BookingInput.statuses() + ", not " + status));
            PlatformAccess.LocalStore store = PlatformAccess.local(context, workstation());
            BookingRepository bookings = store.bookings();
            LocalBooking booking = BookingInput.find(bookings, id);
            BookingStatus from = booking.booking().status();
            if (from != target && !from.canBecome(target)) {
                String allowed = from.isFinal() ? from.wire() + " is final"
                        : "it can become " + from.next().stream().map(BookingStatus::wire).collect(Collectors.joining(", "));
                throw new LocalEditException(LocalEditException.INVALID_TRANSITION, "booking " + booking.booking().id()
                        + " cannot go from " + from.wire() + " to " + target.wire() + ": " + allowed, from.wire(),
                        target.wire());
            }
            LocalBooking changed = bookings.setStatus(booking.booking().id(), target);
            workstation().audit().record("sync.booking.status", changed.booking().id().toString(),
                    from.wire() + " -> " + target.wire());
            store.changed().run();
            printChanged(this, changed, json, "Booking");
            return 0;
        }
    }

    @Command(name = "reschedule", mixinStandardHelpOptions = true,
            description = "Move a booking to another time, and optionally another bay or length.")
    static final class Reschedule extends CommandBase implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "The booking's id (or its first characters).")
        String id;

        @Option(names = "--start", required = true, paramLabel = "TIME",
                description = "New start: 2026-11-23T09:30 (this computer's time zone) or RFC 3339.")
        String start;

        @Option(names = "--bay", paramLabel = "BAY", description = "New bay (default: unchanged).")
        String bay;

        @Option(names = "--duration", paramLabel = "MINUTES", description = "New length (default: unchanged).")
        Integer duration;

        @Option(names = "--json", description = "JSON output: the booking as the platform contract represents it.")
        boolean json;

        Reschedule(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Instant slot = BookingInput.instant(start, zone()).orElseThrow(() -> usage("--start: not a time: " + start
                    + " (e.g. 2026-11-23T09:30 or 2026-11-23T08:30:00Z)"));
            if (duration != null && (duration < 1 || duration > 10_080)) {
                throw usage("--duration must be 1 to 10080 minutes, not " + duration);
            }
            if (bay != null && bay.isBlank()) {
                throw usage("--bay must not be empty");
            }
            PlatformAccess.LocalStore store = PlatformAccess.local(context, workstation());
            BookingRepository bookings = store.bookings();
            LocalBooking booking = BookingInput.find(bookings, id);
            Booking current = booking.booking();
            String newBay = bay == null ? current.bay() : bay.strip();
            int minutes = duration == null ? current.durationMinutes() : duration;
            if (current.status().occupiesBay()) {
                requireFreeSlot(bookings, newBay, slot, minutes, current.id());
            }
            LocalBooking moved = bookings.reschedule(current.id(), slot, duration, bay == null ? null : newBay);
            workstation().audit().record("sync.booking.rescheduled", current.id().toString(),
                    current.slotStart() + " " + current.bay() + " -> " + slot + " " + newBay);
            store.changed().run();
            printChanged(this, moved, json, "Rescheduled booking");
            return 0;
        }
    }
}
