package fr.novaevo.workstation.ocr.kbis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as printed on French extracts: {@code 19/01/2004} or {@code 31 décembre 2024}. */
public final class FrenchDates {

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})\\s?[/.-]\\s?(\\d{1,2})\\s?[/.-]\\s?(\\d{4})");
    private static final Pattern WORDS = Pattern.compile("(1er|\\d{1,2})\\s+([a-z]+)\\s+(\\d{4})");
    static final List<String> MONTHS = List.of("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
            "aout", "septembre", "octobre", "novembre", "decembre");

    private FrenchDates() {
    }

    /** The first dd/mm/yyyy date in the text. */
    public static Optional<LocalDate> numeric(String text) {
        Matcher m = NUMERIC.matcher(text);
        while (m.find()) {
            Optional<LocalDate> d = of(m.group(3), m.group(2), m.group(1));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** The first "31 décembre 2024" date in the text (accents and case ignored, OCR slips in the month tolerated). */
    public static Optional<LocalDate> inWords(String text) {
        Matcher m = WORDS.matcher(Folding.fold(text));
        while (m.find()) {
            int month = month(m.group(2));
            if (month > 0) {
                String day = m.group(1).equals("1er") ? "1" : m.group(1);
                Optional<LocalDate> d = of(m.group(3), Integer.toString(month), day);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /** 1..12 for a (folded) French month name, tolerating an OCR slip ("rn" for "m"); 0 when it is not one. */
    static int month(String folded) {
        for (int i = 0; i < MONTHS.size(); i++) {
            String name = MONTHS.get(i);
            int tolerance = name.length() >= 7 ? 2 : name.length() >= 4 ? 1 : 0;
            if (name.equals(folded) || Folding.distance(name, folded) <= tolerance) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Optional<LocalDate> of(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
