package fr.novaevo.workstation.ocr.kbis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values as the export writes them, from text as printed (and as OCR misreads it). */
final class ValueText {

    private static final Pattern AMOUNT = Pattern.compile("(\\d[\\d\\s.]*)(?:,(\\d{1,2}))?");

    private ValueText() {
    }

    /** OCR confusions in digit-only fields: O for 0, I, l and | for 1. */
    static String digits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case 'O', 'o' -> b.append('0');
                case 'I', 'l', '|' -> b.append('1');
                default -> {
                    if (Character.isDigit(c)) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The NAF code ends with a letter: a digit there is a letter misread (7 or 2 for Z, 4 for A...). */
    static String nafLetter(String c) {
        return switch (c) {
            case "7", "2" -> "Z";
            case "4" -> "A";
            case "8" -> "B";
            case "0" -> "D";
            case "5" -> "S";
            case "6" -> "G";
            case "1" -> "J";
            default -> c.toUpperCase(Locale.ROOT);
        };
    }

    /** "1 000,00 Euros" → "1000.00". */
    static Optional<String> parseAmount(String text) {
        Matcher m = AMOUNT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String integer = m.group(1).replaceAll("[\\s.]", "");
        if (integer.isEmpty()) {
            return Optional.empty();
        }
        String decimals = m.group(2) == null ? "0" : m.group(2);
        try {
            return Optional.of(new BigDecimal(integer + "." + decimals).setScale(2, RoundingMode.HALF_UP).toPlainString());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "31 décembre" as printed; an OCR slip in the month is put right, and the day must be a number. */
    static String dayAndMonth(String text) {
        String[] parts = text.split("\\s+");
        if (parts.length >= 2) {
            int month = FrenchDates.month(Folding.fold(parts[parts.length - 1]));
            String day = parts[parts.length - 2].replaceAll("[^0-9er]", "");
            if (month > 0 && !day.isEmpty()) {
                String printed = Folding.fold(parts[parts.length - 1]).equals(FrenchDates.MONTHS.get(month - 1))
                        && !parts[parts.length - 1].equals(FrenchDates.MONTHS.get(month - 1))
                        ? parts[parts.length - 1] : ACCENTED_MONTHS.get(month - 1);
                return day + " " + printed;
            }
        }
        return text;
    }

    private static final List<String> ACCENTED_MONTHS = List.of("janvier", "février", "mars", "avril", "mai", "juin",
            "juillet", "août", "septembre", "octobre", "novembre", "décembre");

    static boolean isSurnameWord(String w) {
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            } else if (c != '-' && c != '\'' && c != '\u2019') {
                return false;
            }
        }
        return letter;
    }

    static String cleanCity(String s) {
        return cleanValue(s.replaceAll("\\s*[-–—]\\s*$", ""));
    }

    /** Addresses carry no colons or semicolons: those are specks read as punctuation. */
    static String address(String text) {
        return text.replaceAll("\\s*[:;]+(?=\\s|$)", "").replaceAll("\\s+", " ").strip();
    }

    /** One line, single spaces, no OCR marks at the ends. */
    static String cleanValue(String s) {
        String t = s.replaceAll("[™®©°•]", "").replaceAll("\\s+", " ").strip();
        // French elision never has a space after the apostrophe: "d' équipements" is OCR spacing.
        t = t.replaceAll("(?<=\\b(?:[dlnjsmtcDLNJSMTC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu))(['’]) (?=\\p{L})", "$1");
        // A speck before a number: ".79180", "‘79000".
        t = t.replaceAll("(^|\\s)[.,‘'`:;]+(?=\\d)", "$1");
        t = t.replaceAll("^[\\s|_:;.,‘'\"`~=—*-]+", "").replaceAll("[\\s|_‘`~=—]+$", "");
        return t.strip();
    }
}
