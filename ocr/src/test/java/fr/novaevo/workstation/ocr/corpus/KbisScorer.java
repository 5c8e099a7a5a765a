package fr.novaevo.workstation.ocr.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus metric of {@code score.py}, in Java: per-field accuracy over Kbis documents where
 * accuracy = correct / (non-null truth values + values given where the truth is null), the officers list
 * counting as one field that is right only when complete and exact.
 */
final class KbisScorer {

    static final List<String> FIELDS = List.of("document_type", "personne", "siren", "rcs_ville", "numero_gestion",
            "date_immatriculation", "denomination", "nom_commercial", "forme_juridique", "capital_social", "devise",
            "adresse_siege", "activite_principale", "code_naf", "duree_jusquau", "date_cloture_exercice", "dirigeants",
            "adresse_etablissement", "date_commencement_activite", "greffe", "date_a_jour", "date_extrait",
            "code_verification", "radiee_le", "tva_intracom");
    private static final Set<String> DATES = Set.of("date_immatriculation", "duree_jusquau",
            "date_commencement_activite", "date_a_jour", "date_extrait", "radiee_le", "date_naissance");
    private static final Set<String> IDS = Set.of("tva_intracom", "code_naf", "numero_gestion");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");

    /** Counters of one rendering kind. */
    static final class Tally {
        int correct;
        int counted;
        final Map<String, int[]> perField = new TreeMap<>();
        final List<String> wrong = new ArrayList<>();

        double accuracy() {
            return counted == 0 ? 0 : (double) correct / counted;
        }

        void add(String field, boolean ok, String detail) {
            counted++;
            int[] f = perField.computeIfAbsent(field, k -> new int[2]);
            f[1]++;
            if (ok) {
                correct++;
                f[0]++;
            } else {
                wrong.add(detail);
            }
        }
    }

    static void score(String id, JsonNode truth, JsonNode fields, Tally tally) {
        for (String f : FIELDS) {
            JsonNode t = truth.get(f);
            JsonNode g = fields == null ? null : fields.get(f);
            boolean tEmpty = empty(t);
            boolean gEmpty = empty(g);
            String detail = id + " " + f + ": truth=" + t + " got=" + g;
            if (tEmpty) {
                if (!gEmpty) {
                    tally.add(f, false, detail);
                }
                continue;
            }
            boolean ok = f.equals("dirigeants") ? officersMatch(t, g) : !gEmpty && norm(f, t).equals(norm(f, g));
            tally.add(f, ok, detail);
        }
    }

    private static boolean officersMatch(JsonNode truth, JsonNode got) {
        if (got == null || !got.isArray() || got.size() != truth.size()) {
            return false;
        }
        Set<Integer> used = new HashSet<>();
        for (JsonNode t : truth) {
            boolean found = false;
            for (int j = 0; j < got.size() && !found; j++) {
                if (!used.contains(j) && entryMatches(t, got.get(j))) {
                    used.add(j);
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean entryMatches(JsonNode t, JsonNode g) {
        List<String> keys = t.has("denomination") && !t.has("nom") ? List.of("role", "denomination", "siren")
                : List.of("role", "nom", "prenoms", "date_naissance", "lieu_naissance");
        for (String k : keys) {
            JsonNode tv = t.get(k);
            JsonNode gv = g.get(k);
            if (empty(tv) ? !empty(gv) : empty(gv) || !norm(k, tv).equals(norm(k, gv))) {
                return false;
            }
        }
        return true;
    }

    static boolean empty(JsonNode v) {
        return v == null || v.isNull() || (v.isTextual() && v.asText().isBlank()) || (v.isContainerNode() && v.isEmpty());
    }

    private static String norm(String field, JsonNode v) {
        String s = v.isTextual() ? v.asText() : v.toString();
        if (DATES.contains(field)) {
            Matcher m = DMY.matcher(s.strip());
            if (m.matches()) {
                return String.format(Locale.ROOT, "%s-%02d-%02d", m.group(3), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
            return text(s);
        }
        if (field.equals("capital_social")) {
            try {
                return new BigDecimal(s.replaceAll("(?i)euros?|eur|€|\\s", "").replace(",", ".")).stripTrailingZeros()
                        .toPlainString();
            } catch (NumberFormatException e) {
                return "bad:" + text(s);
            }
        }
        if (field.equals("siren")) {
            return s.replaceAll("\\D", "");
        }
        if (IDS.contains(field)) {
            return s.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
        }
        if (field.equals("code_verification")) {
            return s.strip();
        }
        return text(s);
    }

    private static String text(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFC)
                .replaceAll("[\u2019\u2018\u02bc\u00b4`\u2032]", "'")
                .replaceAll("[\u2010\u2011\u2012\u2013\u2014\u2212]", "-")
                .replaceAll("[\\s\u00a0]+", " ").strip()
                .replaceAll("[ .,;:]+$", "");
        return t.toLowerCase(Locale.ROOT);
    }

    private KbisScorer() {
    }
}
