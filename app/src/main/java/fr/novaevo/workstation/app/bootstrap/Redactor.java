package fr.novaevo.workstation.app.bootstrap;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from a log line, as a last line of defence: the code already never logs
 * an API key, a token, a customer's name or contact. What this catches is what slips through in a library's
 * message or an exception text (a URL with a token, a JSON body).
 */
public final class Redactor {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // key=value, "key": "value", key: value — for every name that denotes a secret
            new Rule(Pattern.compile("(?i)(\"?(?:api[-_ ]?key|apikey|password|passwd|pwd|secret|client[-_]?secret"
                    + "|(?:access|refresh|id)[-_]?token|token|authorization)\"?\\s*[:=]\\s*\"?)(?!Bearer\\b)([^\\s\"',;&}]+)"),
                    "$1***"),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{4,}"), "$1 ***"),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "***@***"),
            // French phone numbers: 06 12 34 56 78, +33 6 12 34 56 78, 06.12.34.56.78
            new Rule(Pattern.compile("(?<![\\d])(?:\\+33\\s?|0)[1-9](?:[\\s.-]?\\d{2}){4}(?![\\d])"), "** ** ** ** **"),
            // VINs identify a customer's car: keep the manufacturer part, hide the serial
            new Rule(Pattern.compile("\\b([A-HJ-NPR-Z0-9]{3})[A-HJ-NPR-Z0-9]{14}\\b"), "$1**************"),
            // French number plates (SIV): AB-123-CD
            new Rule(Pattern.compile("\\b[A-Z]{2}-\\d{3}-[A-Z]{2}\\b"), "**-***-**"));

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(rule.replacement());
            }
        }
        return result;
    }
}
