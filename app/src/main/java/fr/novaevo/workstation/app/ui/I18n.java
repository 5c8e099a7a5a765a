package fr.novaevo.workstation.app.ui;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import fr.novaevo.workstation.core.error.WorkstationException;

/**
 * The user's language: translated texts and local date and number formats. French first; English available.
 */
public final class I18n {

    public static final Locale FRENCH = Locale.FRANCE;
    public static final Locale ENGLISH = Locale.UK; // dd/MM/yyyy, as the garage's other papers
    public static final List<String> LANGUAGES = List.of("fr", "en");
    /**
     * The shell's texts first, then one bundle per area package (each area keeps its own texts beside its
     * code, so areas are added without touching each other's files).
     */
    static final List<String> BUNDLES = List.of("fr.novaevo.workstation.app.ui.messages",
            "fr.novaevo.workstation.app.ui.vehicle.messages", "fr.novaevo.workstation.app.ui.bookings.messages",
            "fr.novaevo.workstation.app.ui.documents.messages",
            "fr.novaevo.workstation.app.ui.documents.supervision.messages");

    private final Locale locale;
    private final List<ResourceBundle> bundles;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    public I18n(String language, ZoneId zone) {
        this.locale = "en".equals(language) ? ENGLISH : FRENCH;
        // No fallback to the JVM's default locale: a French user on an English system still gets French.
        this.bundles = BUNDLES.stream().flatMap(name -> load(name, locale).stream()).toList();
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", locale);
        this.date = DateTimeFormatter.ofPattern("dd/MM/yyyy", locale);
    }

    private static java.util.Optional<ResourceBundle> load(String name, Locale locale) {
        try {
            return java.util.Optional.of(ResourceBundle.getBundle(name, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        } catch (MissingResourceException e) {
            return java.util.Optional.empty(); // an area not built into this version
        }
    }

    public String language() {
        return locale == ENGLISH ? "en" : "fr";
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The text for {@code key}; with arguments, a {@link MessageFormat} pattern in the user's locale. */
    public String t(String key, Object... arguments) {
        String pattern = null;
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                pattern = bundle.getString(key);
                break;
            }
        }
        if (pattern == null) {
            return key; // visible in the UI and caught by the bundle tests, never a crash
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    /** A translated key when there is one, else the fallback text (for codes added by later modules). */
    public String tOr(String key, String fallback) {
        return has(key) ? t(key) : fallback;
    }

    /** The user-facing sentence for an expected failure, with its quotable code. */
    public String error(Throwable failure) {
        if (failure instanceof WorkstationException w) {
            String text = tOr("error." + w.code(), w.getMessage());
            return text + " (" + t("common.error.code", w.code()) + ")";
        }
        return t("error.unknown");
    }

    public String dateTime(Instant instant) {
        return dateTime.format(instant.atZone(zone));
    }

    public String date(Instant instant) {
        return date.format(instant.atZone(zone));
    }

    public String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /** 1,4 Mo / 1.4 MB */
    public String size(long bytes) {
        String[] units = locale == ENGLISH ? new String[] {"B", "KB", "MB", "GB"} : new String[] {"o", "Ko", "Mo", "Go"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return number(value, unit == 0 ? 0 : 1) + " " + units[unit];
    }

    /** 1 h 05 min, 3 min 20 s, 12 s */
    public String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 3600) {
            return String.format(locale, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
        }
        if (seconds >= 60) {
            return String.format(locale, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return seconds + " s";
    }
}
