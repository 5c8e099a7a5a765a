package fr.novaevo.workstation.app.ui.bookings;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import fr.novaevo.workstation.sync.model.Vehicle;
import fr.novaevo.workstation.sync.store.BookingSyncState;

/** The area's texts and French formats: statuses, sync states, dates, times and amounts exact to the cent. */
final class BookingsFormat {

    private final I18n i18n;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;
    private final DateTimeFormatter longDay;
    private final DateTimeFormatter month;

    BookingsFormat(I18n i18n) {
        this.i18n = i18n;
        this.time = DateTimeFormatter.ofPattern("HH:mm", i18n.locale());
        this.day = DateTimeFormatter.ofPattern("EEE dd/MM", i18n.locale());
        this.longDay = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", i18n.locale());
        this.month = DateTimeFormatter.ofPattern("MMMM yyyy", i18n.locale());
    }

    I18n i18n() {
        return i18n;
    }

    String t(String key, Object... arguments) {
        return i18n.t(key, arguments);
    }

    String time(Instant instant) {
        return time.format(instant.atZone(i18n.zone()));
    }

    String day(LocalDate date) {
        return capitalize(day.format(date));
    }

    String longDay(LocalDate date) {
        return capitalize(longDay.format(date));
    }

    /** lundi 16 novembre 2026, inside a sentence. */
    String longDayInSentence(LocalDate date) {
        return longDay.format(date);
    }

    String month(YearMonth period) {
        return capitalize(month.format(period));
    }

    /** Dates typed and shown as dd/MM/yyyy, whatever the system's locale. */
    javafx.util.StringConverter<LocalDate> dateConverter() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("dd/MM/yyyy", i18n.locale());
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(LocalDate value) {
                return value == null ? "" : pattern.format(value);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), pattern);
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
        };
    }

    String date(Instant instant) {
        return i18n.date(instant);
    }

    LocalDate localDate(Instant instant) {
        return instant.atZone(i18n.zone()).toLocalDate();
    }

    /** 08:30 – 10:00 */
    String slot(Booking b) {
        return time(b.slotStart()) + " – " + time(b.slotEnd());
    }

    String status(BookingStatus status) {
        return t("bookings.status." + status.wire());
    }

    String commissionStatus(CommissionStatus status) {
        return t("bookings.commission.status." + status.wire());
    }

    String syncState(BookingSyncState state) {
        return t("bookings.sync." + state.name().toLowerCase(java.util.Locale.ROOT));
    }

    String service(Booking b) {
        if (b.service() == null || b.service().code() == null) {
            return "";
        }
        return t("bookings.service." + b.service().code().wire());
    }

    String vehicle(Vehicle v) {
        if (v == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        append(text, v.make());
        append(text, v.model());
        if (v.plate() != null && !v.plate().isBlank()) {
            append(text, "(" + v.plate() + ")");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(part);
        }
    }

    String customer(Booking b) {
        return b.customer() == null || b.customer().name() == null ? "" : b.customer().name();
    }

    /** An amount in cents, exact: 1 234,56 €. */
    String money(long cents, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(i18n.locale());
        format.setCurrency(Currency.getInstance(currency));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(cents, 2));
    }

    /** 5,50 % from basis points. */
    String rate(int bps) {
        NumberFormat format = NumberFormat.getNumberInstance(i18n.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(bps, 2)) + " %";
    }

    /** The sync state line: "Synchronisé hh:mm", "N en attente", "Hors ligne (…)", "N conflits", … */
    String syncStatus(SyncStatus status, long retryInSeconds) {
        return SyncStatusText.of(i18n, status, retryInSeconds);
    }

    String field(String path) {
        return i18n.tOr("bookings.field." + path, path);
    }

    /** A value of a conflict, readable: a status translated, a time formatted, nothing shown as "(vide)". */
    String value(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return t("bookings.value.empty");
        }
        if ("status".equals(field)) {
            return BookingStatus.fromWire(value.asText()).map(this::status).orElse(value.asText());
        }
        if ("slotStart".equals(field)) {
            try {
                Instant instant = Instant.parse(value.asText());
                return i18n.date(instant) + " " + time(instant);
            } catch (java.time.format.DateTimeParseException e) {
                return value.asText();
            }
        }
        if ("deleted".equals(field)) {
            return value.asBoolean() ? t("bookings.value.deleted") : t("bookings.value.kept");
        }
        if (value.isValueNode()) {
            String text = value.asText();
            return text.isBlank() ? t("bookings.value.empty") : text;
        }
        return value.toString();
    }

    /** The user-facing sentence for a failure, with its quotable code. */
    String error(Throwable failure) {
        if (failure instanceof fr.novaevo.workstation.core.error.WorkstationException w
                && i18n.has("bookings.error." + w.code())) {
            return t("bookings.error." + w.code()) + " (" + t("common.error.code", w.code()) + ")";
        }
        return i18n.error(failure);
    }

    private String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(i18n.locale()) + text.substring(1);
    }
}
