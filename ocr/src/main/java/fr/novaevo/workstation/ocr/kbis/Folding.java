package fr.novaevo.workstation.ocr.kbis;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text comparison that ignores what varies between extracts: accents, case, apostrophe and dash styles. */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Folding() {
    }

    /** Lower case, no accents, straight apostrophes, plain dashes, single spaces. */
    public static String fold(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFD);
        t = MARKS.matcher(t).replaceAll("");
        t = unifyPunctuation(t).toLowerCase(java.util.Locale.ROOT);
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /** Curly or typographic apostrophes become {@code '}, typographic dashes {@code -}; accents kept. */
    public static String unifyPunctuation(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u2019', '\u2018', '\u02BC', '\u00B4', '`', '\u2032' -> b.append('\'');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> b.append('-');
                case '\u00A0', '\u202F' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Edit distance (insertions, deletions, substitutions). */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** True when the word carries at least one letter or digit (OCR noise such as "|", "‘" or ":" does not). */
    public static boolean hasContent(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
