package fr.novaevo.workstation.ocr.kbis;

import static fr.novaevo.workstation.ocr.kbis.WordFilters.conf;
import static fr.novaevo.workstation.ocr.kbis.WordFilters.firstContentWord;
import static fr.novaevo.workstation.ocr.kbis.WordFilters.indexOfWord;
import static fr.novaevo.workstation.ocr.kbis.WordFilters.isNoiseLine;
import static fr.novaevo.workstation.ocr.kbis.WordFilters.join;
import static fr.novaevo.workstation.ocr.kbis.WordFilters.untilGap;
import static fr.novaevo.workstation.ocr.kbis.WordFilters.valueWords;
import static fr.novaevo.workstation.ocr.kbis.WordFilters.withoutTrailingSpeck;
import static fr.novaevo.workstation.ocr.kbis.WordFilters.wordsContaining;
import static fr.novaevo.workstation.ocr.kbis.ValueText.address;
import static fr.novaevo.workstation.ocr.kbis.ValueText.cleanCity;
import static fr.novaevo.workstation.ocr.kbis.ValueText.cleanValue;
import static fr.novaevo.workstation.ocr.kbis.ValueText.dayAndMonth;
import static fr.novaevo.workstation.ocr.kbis.ValueText.digits;
import static fr.novaevo.workstation.ocr.kbis.ValueText.isSurnameWord;
import static fr.novaevo.workstation.ocr.kbis.ValueText.nafLetter;
import static fr.novaevo.workstation.ocr.kbis.ValueText.parseAmount;

import fr.novaevo.workstation.ocr.document.PageContent;
import fr.novaevo.workstation.ocr.document.TextSource;
import fr.novaevo.workstation.ocr.document.Word;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of a Kbis / extrait K from the words of its pages. Lines are rebuilt from word positions;
 * each table row is a label at the left and a value to its right, possibly wrapped onto the following lines
 * at the value's left edge. Which section a row is in decides what it means: the second "Immatriculation au
 * RCS" after a domiciliataire, or an auditor's, is not the company's; other establishments and observations
 * are skipped.
 *
 * <p>Stateless: one instance can serve several threads.
 */
public final class KbisFieldExtractor {

    private static final Pattern RCS_VALUE = Pattern.compile(
            "^\\s*([0-9OoIl|\\s]{9,14}?)\\s*R\\s?\\.?\\s?C\\s?\\.?\\s?S\\s?\\.?\\s*(.*)$");
    private static final Pattern FOOTER = Pattern.compile(
            "R\\s?[.:,]?\\s?C\\s?[.:,]?\\s?S[.:,]?\\s+(.+?)\\s*[-–—~]\\s*(\\d{2}\\s?/\\s?\\d{2}\\s?/\\s?\\d{4})\\s*[-–—~]?\\s*\\d{2}\\s?[:.]\\s?\\d{2}");
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)\\bpage\\s*\\d+\\s*/\\s*\\d+");
    private static final Pattern GESTION = Pattern.compile(
            "(?i)gestion\\s*:?\\s*([0-9OIl]{4})\\s*([AB8H4])\\s*([0-9OIl]{5})");
    private static final Pattern NAF = Pattern.compile("(\\d{2})\\s?[.,]?\\s?(\\d{2})\\s?([A-Za-z0-9])\\b");

    /** Reads the fields; never fails: what cannot be read is absent. */
    public KbisExtraction extract(List<PageContent> pages) {
        Run run = new Run();
        for (PageContent page : pages) {
            run.ocr |= page.source() == TextSource.OCR;
            for (TextLine line : LineBuilder.lines(page)) {
                run.line(line);
            }
        }
        return run.finish();
    }

    private enum Section { HEADER, IDENTIFICATION, MANAGEMENT, ESTABLISHMENT, OTHER_ESTABLISHMENTS, OBSERVATIONS, END }

    /** A label and the value words gathered for it so far. */
    private static final class Capture {
        final KbisLabel label;
        final double score;
        final List<Word> words = new ArrayList<>();
        final int page;
        final double valueX0;
        double lastY1;
        double lineHeight;
        Location location;

        Capture(KbisLabel label, double score, TextLine line, List<Word> value) {
            this.label = label;
            this.score = score;
            this.page = line.page();
            this.words.addAll(value);
            this.valueX0 = value.isEmpty() ? Double.NaN : value.getFirst().x0();
            this.lastY1 = line.y1();
            this.lineHeight = line.height();
            this.location = value.isEmpty() ? null : Location.of(line.page(), value);
        }

        String text() {
            StringBuilder b = new StringBuilder();
            for (Word w : words) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(w.text());
            }
            return cleanValue(b.toString());
        }

        double confidence() {
            double mean = words.stream().mapToDouble(Word::confidence).average().orElse(0.0);
            double min = words.stream().mapToDouble(Word::confidence).min().orElse(0.0);
            return score * (0.5 * mean + 0.5 * min);
        }
    }

    /** An officer being read: a role line, then its rows. */
    private static final class OfficerDraft {
        String role;
        double roleConfidence = 1.0;
        String nom;
        String prenoms;
        double nameConfidence;
        LocalDate birthDate;
        String birthPlace;
        double birthConfidence = 1.0;
        String denomination;
        String siren;
        double companyConfidence = 1.0;

        boolean isCompany() {
            return nom == null && denomination != null;
        }

        boolean isEmpty() {
            return nom == null && denomination == null;
        }
    }

    private static final class Run {
        final Map<FieldKey, ExtractedField> fields = new EnumMap<>(FieldKey.class);
        final List<OfficerDraft> officers = new ArrayList<>();
        final List<String> cityVotes = new ArrayList<>();
        Section section = Section.HEADER;
        Capture capture;
        OfficerDraft officer;
        OfficerDraft soleTrader;
        boolean domiciliataireSeen;
        boolean ocr;
        String title;
        String headingPersonne;
        ExtractedField establishmentActivity;
        String principalLetter;

        void line(TextLine line) {
            if (isNoiseLine(line)) {
                return;
            }
            String raw = Folding.unifyPunctuation(line.text());
            String folded = Folding.fold(raw);
            if (pageFurniture(line, raw, folded)) {
                return;
            }
            if (header(line, raw, folded)) {
                return;
            }
            Optional<Section> heading = heading(folded);
            if (heading.isPresent()) {
                closeCapture();
                section = heading.get();
                if (section == Section.IDENTIFICATION) {
                    if (folded.contains("physique")) {
                        // Set below only when the heading is read: a sole trader has no officers section.
                        headingPersonne = "physique";
                    } else if (folded.contains("morale")) {
                        headingPersonne = "morale";
                    }
                }
                return;
            }
            if (section == Section.END) {
                return;
            }
            Optional<LabelMatcher.Match<KbisLabel>> match = LabelMatcher.best(line, KbisLabel.ALL);
            if (section == Section.HEADER && (match.isEmpty() || match.get().label() != KbisLabel.RCS_NUMBER)) {
                // A heading lost under a seal or a speck: the first registration row opens the section.
                return;
            }
            if (match.isPresent() && !continues(line, match.get())) {
                closeCapture();
                LabelMatcher.Match<KbisLabel> m = match.get();
                impliedSection(m.label()).ifPresent(s -> section = s);
                capture = new Capture(m.label(), m.score(), line, valueWords(line.words(), m.valueFrom()));
                if (capture.words.isEmpty()) {
                    capture.lastY1 = line.y1();
                }
                return;
            }
            if (capture != null && continues(line, null)) {
                capture.words.addAll(valueWords(line.words(), 0));
                capture.lastY1 = line.y1();
                Location here = Location.of(line.page(), line.words());
                capture.location = capture.location == null ? here : capture.location.union(here);
                return;
            }
            TextLine trimmed = withoutTrailingSpeck(line);
            if (section == Section.MANAGEMENT && looksLikeRole(trimmed, Folding.fold(trimmed.text()))) {
                line = trimmed;
                closeCapture();
                officer = new OfficerDraft();
                officers.add(officer);
                String role = cleanValue(line.text());
                double conf = line.words().stream().mapToDouble(Word::confidence).min().orElse(0);
                if (ocr) {
                    Optional<String> known = Vocabulary.closest(role, Vocabulary.ROLES, 0.2);
                    if (known.isPresent()) {
                        role = known.get();
                        conf = Math.max(conf, 0.9);
                    }
                }
                officer.role = role;
                officer.roleConfidence = conf;
                return;
            }
            // Anything else (a wrapped label such as "(code NAF)", noise) ends the current value.
            closeCapture();
        }

        /**
         * Rows found only in one section move there when its heading was not read (a seal over it, say). Other
         * establishments share these rows, so from there nothing moves.
         */
        Optional<Section> impliedSection(KbisLabel label) {
            return switch (label) {
                case RCS_NUMBER -> section == Section.HEADER ? Optional.of(Section.IDENTIFICATION) : Optional.empty();
                case ADRESSE_ETABLISSEMENT, NOM_COMMERCIAL, ENSEIGNE, ACTIVITE_EXERCEE, COMMENCEMENT, ORIGINE,
                     MODE_EXPLOITATION -> section == Section.IDENTIFICATION || section == Section.MANAGEMENT
                        ? Optional.of(Section.ESTABLISHMENT) : Optional.empty();
                default -> Optional.empty();
            };
        }

        /** True when the line carries on the value being read: same page, just below, starting at its left edge. */
        boolean continues(TextLine line, LabelMatcher.Match<KbisLabel> match) {
            if (capture == null || !capture.label.wraps() || Double.isNaN(capture.valueX0)
                    || line.page() != capture.page) {
                return false;
            }
            if (match != null && match.score() >= 0.999) {
                return false;
            }
            double h = Math.max(capture.lineHeight, line.height());
            boolean below = line.y0() - capture.lastY1 < 1.6 * h && line.y0() > capture.lastY1 - 0.5 * h;
            int first = firstContentWord(line.words());
            if (first < 0) {
                return false;
            }
            boolean aligned = Math.abs(line.words().get(first).x0() - capture.valueX0) < 1.5 * h;
            return below && aligned;
        }

        boolean looksLikeRole(TextLine line, String folded) {
            if (folded.chars().anyMatch(Character::isDigit) || line.words().size() > 9) {
                return false;
            }
            String onlyLetters = line.text().replaceAll("[^\\p{L}]", "");
            if (onlyLetters.length() > 3 && onlyLetters.equals(onlyLetters.toUpperCase(Locale.ROOT))) {
                // Capitals are a heading (or its fragment), never a role.
                return false;
            }
            long letters = folded.chars().filter(Character::isLetter).count();
            if (letters < 4) {
                return false;
            }
            // A role stands alone: no wide gap splitting it into a label and a value.
            List<Word> words = line.words();
            for (int i = 1; i < words.size(); i++) {
                if (words.get(i).x0() - words.get(i - 1).x1() > 3 * line.height()) {
                    return false;
                }
            }
            return true;
        }

        // ------------------------------------------------------------ header and page furniture

        boolean pageFurniture(TextLine line, String raw, String folded) {
            Matcher footer = FOOTER.matcher(raw);
            if (footer.find() && (folded.startsWith("r.c.s") || folded.startsWith("rcs") || folded.contains("page")
                    || footer.start() < 3)) {
                if (!fields.containsKey(FieldKey.DATE_EXTRAIT)) {
                    FrenchDates.numeric(footer.group(2).replace(" ", "")).ifPresent(d ->
                            put(FieldKey.DATE_EXTRAIT, d.toString(), conf(line.words()), line, line.words()));
                    cityVotes.add(cleanCity(footer.group(1)));
                }
                closeCapture();
                return true;
            }
            if (PAGE_NUMBER.matcher(raw).find() && line.words().size() <= 3) {
                closeCapture();
                return true;
            }
            if (line.page() > 1 && (folded.startsWith("greffe du tribunal") || folded.startsWith("code de verification"))) {
                closeCapture();
                // The code is printed again on each page: another chance to read it.
                int codeAt = indexOfWord(line.words(), "verification");
                if (codeAt >= 0) {
                    readCode(line, codeAt);
                }
                return true;
            }
            return false;
        }

        boolean header(TextLine line, String raw, String folded) {
            boolean consumed = false;
            List<Word> words = line.words();
            if (!fields.containsKey(FieldKey.GREFFE)) {
                Optional<LabelMatcher.Match<HeaderLabel>> greffe = LabelMatcher.best(line, List.of(HeaderLabel.GREFFE));
                if (greffe.isPresent()) {
                    List<Word> city = untilGap(words, greffe.get().valueFrom(), line.height());
                    if (!city.isEmpty()) {
                        String value = cleanCity(join(city));
                        put(FieldKey.GREFFE, value, greffe.get().score() * conf(city), line, city);
                    }
                    consumed = true;
                }
            }
            int codeAt = indexOfWord(words, "verification");
            if (codeAt >= 0) {
                readCode(line, codeAt);
                consumed = true;
            }
            if (!fields.containsKey(FieldKey.NUMERO_GESTION)) {
                Matcher m = GESTION.matcher(raw);
                if (m.find() && folded.contains("gestion")) {
                    String letter = switch (m.group(2)) {
                        case "8", "B", "H" -> "B";
                        default -> "A";
                    };
                    String value = digits(m.group(1)) + letter + digits(m.group(3));
                    principalLetter = letter;
                    List<Word> at = wordsContaining(words, m.group(3).substring(0, 2));
                    double c = m.group(2).equals(letter) ? conf(at.isEmpty() ? words : at) : 0.6;
                    put(FieldKey.NUMERO_GESTION, value, c, line, at.isEmpty() ? words : at);
                    consumed = true;
                }
            }
            if (!fields.containsKey(FieldKey.NUMERO_GESTION) && section == Section.HEADER) {
                // "N° de gestion" misread or on a line of its own: the number's shape is distinctive enough.
                for (Word w : words) {
                    if (w.text().matches("[0-9OIl]{4}[AB][0-9OIl]{5}")) {
                        String t = w.text();
                        put(FieldKey.NUMERO_GESTION, digits(t.substring(0, 4)) + t.charAt(4) + digits(t.substring(5)),
                                0.7 * w.confidence(), line, List.of(w));
                        principalLetter = String.valueOf(t.charAt(4));
                        return true;
                    }
                }
            }
            if (!fields.containsKey(FieldKey.DATE_A_JOUR)) {
                int at = folded.indexOf("jour au");
                if (at >= 0) {
                    Optional<LocalDate> d = FrenchDates.inWords(folded.substring(at + 7));
                    if (d.isPresent()) {
                        put(FieldKey.DATE_A_JOUR, d.get().toString(), conf(words), line, words);
                        return true;
                    }
                } else if (section == Section.HEADER && folded.contains(" au ")) {
                    // "à jour" misread: the header prints no other date in words.
                    Optional<LocalDate> d = FrenchDates.inWords(folded.substring(folded.indexOf(" au ") + 4));
                    if (d.isPresent()) {
                        put(FieldKey.DATE_A_JOUR, d.get().toString(), 0.7 * conf(words), line, words);
                        return true;
                    }
                }
            }
            if (folded.contains("radiee le") && !fields.containsKey(FieldKey.RADIEE_LE)) {
                Optional<LocalDate> d = FrenchDates.numeric(raw);
                if (d.isPresent()) {
                    put(FieldKey.RADIEE_LE, d.get().toString(), conf(words), line, words);
                    return true;
                }
            }
            if (title == null && folded.matches("^[^a-z]{0,3}extrait (kbis|k)\\W{0,3}$")) {
                title = folded.contains("kbis") ? "morale" : "physique";
                return true;
            }
            if (folded.startsWith("extrait d'immatriculation") || folded.startsWith("https://")) {
                return true;
            }
            return consumed;
        }

        private void readCode(TextLine line, int codeAt) {
            List<Word> words = line.words();
            StringBuilder code = new StringBuilder();
            List<Word> used = new ArrayList<>();
            String tail = words.get(codeAt).text();
            int colon = tail.indexOf(':');
            if (colon >= 0 && colon + 1 < tail.length()) {
                code.append(tail.substring(colon + 1));
                used.add(words.get(codeAt));
            }
            for (int i = codeAt + 1; i < words.size() && code.length() < 10; i++) {
                String t = words.get(i).text();
                if (t.startsWith(":")) {
                    t = t.substring(1);
                }
                if (t.isEmpty()) {
                    continue;
                }
                if (!used.isEmpty() && words.get(i).x0() - used.getLast().x1() > 2 * line.height()) {
                    break;
                }
                code.append(t);
                used.add(words.get(i));
            }
            String value = code.toString().replaceAll("[^A-Za-z0-9]", "");
            if (!value.isEmpty()) {
                double c = conf(used);
                if (value.length() != 10) {
                    c *= 0.3;
                }
                ExtractedField previous = fields.get(FieldKey.CODE_VERIFICATION);
                if (previous == null || previous.confidence() < c) {
                    put(FieldKey.CODE_VERIFICATION, value, c, line, used);
                }
            }
        }

        Optional<Section> heading(String folded) {
            String f = folded.replaceAll("^[^a-z]+", "");
            if (f.startsWith("identification de la") || (f.matches(".{0,20}de la personne (morale|physique)\\W*")
                    && section == Section.HEADER)) {
                return Optional.of(Section.IDENTIFICATION);
            }
            if (f.startsWith("gestion, direction") || f.startsWith("gestion direction")
                    || (f.startsWith("gestion") && (f.contains("administration") || f.contains("controle")))) {
                return Optional.of(Section.MANAGEMENT);
            }
            if (f.startsWith("renseignements relatifs") || f.startsWith("renseignements")) {
                return Optional.of(f.contains("autres") || f.contains("ressort") ? Section.OTHER_ESTABLISHMENTS
                        : Section.ESTABLISHMENT);
            }
            if (f.startsWith("observations")) {
                return Optional.of(Section.OBSERVATIONS);
            }
            if (f.startsWith("le greffier") || f.startsWith("fin de l'extrait")) {
                return Optional.of(Section.END);
            }
            return Optional.empty();
        }

        // ------------------------------------------------------------ values

        void closeCapture() {
            Capture c = capture;
            capture = null;
            if (c == null || c.words.isEmpty()) {
                return;
            }
            String text = c.text();
            if (text.isEmpty()) {
                return;
            }
            double confidence = c.confidence();
            switch (section) {
                case IDENTIFICATION -> identification(c, text, confidence);
                case MANAGEMENT -> management(c, text, confidence);
                case ESTABLISHMENT -> establishment(c, text, confidence);
                default -> {
                    // Other establishments, observations: not the company's own data.
                }
            }
        }

        void identification(Capture c, String text, double confidence) {
            switch (c.label) {
                case RCS_NUMBER -> {
                    if (!domiciliataireSeen && !fields.containsKey(FieldKey.SIREN)) {
                        readRcs(c, text, confidence).ifPresent(r -> {
                            putCaptured(FieldKey.SIREN, r[0], confidence, c);
                            if (!r[1].isEmpty()) {
                                cityVotes.add(r[1]);
                                putCaptured(FieldKey.RCS_VILLE, r[1], confidence, c);
                            }
                        });
                    }
                }
                case DATE_IMMATRICULATION -> FrenchDates.numeric(text).ifPresent(d ->
                        putCaptured(FieldKey.DATE_IMMATRICULATION, d.toString(), confidence, c));
                case DENOMINATION_SOCIALE -> putCaptured(FieldKey.DENOMINATION, text, confidence, c);
                case FORME_JURIDIQUE -> {
                    String value = text;
                    double cf = confidence;
                    if (ocr) {
                        Optional<String> known = Vocabulary.closest(text, Vocabulary.LEGAL_FORMS, 0.12);
                        if (known.isPresent()) {
                            value = known.get();
                            cf = Math.max(cf, 0.9);
                        }
                    }
                    putCaptured(FieldKey.FORME_JURIDIQUE, value, cf, c);
                }
                case CAPITAL -> parseAmount(text).ifPresent(amount -> {
                    putCaptured(FieldKey.CAPITAL_SOCIAL, amount, confidence, c);
                    putCaptured(FieldKey.DEVISE, "EUR", confidence, c);
                });
                case ADRESSE_SIEGE -> putCaptured(FieldKey.ADRESSE_SIEGE, address(text), confidence, c);
                case DOMICILIATAIRE -> domiciliataireSeen = true;
                case ACTIVITES_PRINCIPALES -> putCaptured(FieldKey.ACTIVITE_PRINCIPALE, text, confidence, c);
                case CODE_NAF -> {
                    Matcher m = NAF.matcher(text);
                    if (m.find()) {
                        String letter = nafLetter(m.group(3));
                        putCaptured(FieldKey.CODE_NAF, m.group(1) + m.group(2) + letter,
                                m.group(3).equals(letter) ? confidence : confidence * 0.7, c);
                    }
                }
                case DUREE -> FrenchDates.numeric(text).ifPresent(d ->
                        putCaptured(FieldKey.DUREE_JUSQUAU, d.toString(), confidence, c));
                case CLOTURE -> putCaptured(FieldKey.DATE_CLOTURE_EXERCICE, dayAndMonth(text), confidence, c);
                case NOM_PRENOMS -> {
                    soleTrader = soleTrader == null ? new OfficerDraft() : soleTrader;
                    readName(soleTrader, text, confidence);
                }
                case NAISSANCE -> {
                    soleTrader = soleTrader == null ? new OfficerDraft() : soleTrader;
                    readBirth(soleTrader, text, confidence);
                }
                default -> {
                    // Transfer, original registration date, first financial year, nationality...: not exported.
                }
            }
        }

        void management(Capture c, String text, double confidence) {
            if (officer == null) {
                return;
            }
            switch (c.label) {
                case NOM_PRENOMS -> readName(officer, text, confidence);
                case NAISSANCE -> readBirth(officer, text, confidence);
                case DENOMINATION, DENOMINATION_SOCIALE -> {
                    officer.denomination = text;
                    officer.companyConfidence = Math.min(officer.companyConfidence, confidence);
                }
                case RCS_NUMBER -> readRcs(c, text, confidence).ifPresent(r -> {
                    officer.siren = r[0];
                    officer.companyConfidence = Math.min(officer.companyConfidence, confidence);
                });
                default -> {
                    // Nationality, home address, usage name: not exported.
                }
            }
        }

        void establishment(Capture c, String text, double confidence) {
            switch (c.label) {
                case ADRESSE_ETABLISSEMENT, ADRESSE -> putCaptured(FieldKey.ADRESSE_ETABLISSEMENT, address(text), confidence, c);
                case NOM_COMMERCIAL -> putCaptured(FieldKey.NOM_COMMERCIAL, text, confidence, c);
                case ACTIVITE_EXERCEE -> {
                    if (establishmentActivity == null) {
                        establishmentActivity = new ExtractedField(FieldKey.ACTIVITE_PRINCIPALE, text, confidence,
                                Optional.ofNullable(c.location));
                    }
                }
                case COMMENCEMENT -> FrenchDates.numeric(text).ifPresent(d ->
                        putCaptured(FieldKey.DATE_COMMENCEMENT_ACTIVITE, d.toString(), confidence, c));
                default -> {
                    // Origin of the business, mode of operation: not exported.
                }
            }
        }

        Optional<String[]> readRcs(Capture c, String text, double confidence) {
            Matcher m = RCS_VALUE.matcher(text);
            String number;
            String city;
            if (m.find()) {
                number = digits(m.group(1));
                city = cleanCity(m.group(2));
            } else {
                String d = digits(text.replaceAll("[^0-9OIl| ]", " "));
                if (d.length() < 9) {
                    return Optional.empty();
                }
                number = d;
                city = "";
            }
            if (number.length() != 9) {
                return Optional.empty();
            }
            return Optional.of(new String[] {number, city});
        }

        void readName(OfficerDraft draft, String text, double confidence) {
            String[] parts = text.split(" ");
            StringBuilder nom = new StringBuilder();
            int i = 0;
            while (i < parts.length - 1 && parts[i].length() <= 2 && !isSurnameWord(parts[i])) {
                i++; // a speck or a stray "à" before the surname
            }
            while (i < parts.length && isSurnameWord(parts[i])) {
                if (nom.length() > 0) {
                    nom.append(' ');
                }
                nom.append(parts[i]);
                i++;
            }
            if (nom.length() == 0 || i == parts.length) {
                // No capitalised part, or no first names: keep what was printed as the name, flagged as unsure.
                draft.nom = text;
                draft.prenoms = "";
                draft.nameConfidence = confidence * 0.5;
                return;
            }
            draft.nom = nom.toString();
            draft.prenoms = String.join(" ", java.util.Arrays.copyOfRange(parts, i, parts.length));
            draft.nameConfidence = confidence;
        }

        void readBirth(OfficerDraft draft, String text, double confidence) {
            Optional<LocalDate> date = FrenchDates.numeric(text);
            date.ifPresent(d -> draft.birthDate = d);
            Matcher m = Pattern.compile("\\d{4}\\s+(?:à|a|À|A)\\s+(.+)$").matcher(text);
            if (m.find()) {
                draft.birthPlace = m.group(1).strip();
            }
            draft.birthConfidence = date.isPresent() && draft.birthPlace != null ? confidence : confidence * 0.5;
        }

        void put(FieldKey key, String value, double confidence, TextLine line, List<Word> words) {
            fields.put(key, new ExtractedField(key, value, confidence,
                    words.isEmpty() ? Optional.empty() : Optional.of(Location.of(line.page(), words))));
        }

        void putCaptured(FieldKey key, String value, double confidence, Capture c) {
            if (!fields.containsKey(key)) {
                fields.put(key, new ExtractedField(key, value, confidence, Optional.ofNullable(c.location)));
            }
        }

        KbisExtraction finish() {
            closeCapture();
            String personne = headingPersonne != null ? headingPersonne
                    : title != null ? title
                    : principalLetter != null ? ("A".equals(principalLetter) ? "physique" : "morale") : null;
            if (personne != null) {
                double agree = personne.equals(title) && personne.equals(headingPersonne) ? 1.0 : 0.8;
                fields.put(FieldKey.PERSONNE, new ExtractedField(FieldKey.PERSONNE, personne, agree, Optional.empty()));
            }
            if (!fields.containsKey(FieldKey.ACTIVITE_PRINCIPALE) && establishmentActivity != null) {
                fields.put(FieldKey.ACTIVITE_PRINCIPALE, establishmentActivity);
            }
            voteCity();
            List<Officer> result = new ArrayList<>();
            if ("physique".equals(personne)) {
                for (FieldKey k : List.of(FieldKey.DENOMINATION, FieldKey.FORME_JURIDIQUE, FieldKey.CAPITAL_SOCIAL,
                        FieldKey.DEVISE, FieldKey.ADRESSE_SIEGE, FieldKey.DUREE_JUSQUAU,
                        FieldKey.DATE_CLOTURE_EXERCICE)) {
                    fields.remove(k);
                }
                if (soleTrader != null && !soleTrader.isEmpty()) {
                    soleTrader.role = null;
                    result.add(toOfficer(soleTrader));
                }
            } else {
                for (OfficerDraft d : officers) {
                    if (!d.isEmpty()) {
                        result.add(toOfficer(d));
                    }
                }
            }
            fields.put(FieldKey.DOCUMENT_TYPE, new ExtractedField(FieldKey.DOCUMENT_TYPE, "kbis", 1.0, Optional.empty()));
            ExtractedField siren = fields.get(FieldKey.SIREN);
            if (siren != null) {
                fields.put(FieldKey.TVA_INTRACOM, new ExtractedField(FieldKey.TVA_INTRACOM,
                        Siren.vatNumber(siren.value()), siren.confidence(), Optional.empty()));
            }
            return new KbisExtraction(fields, result);
        }

        /** The greffe, the R.C.S. city and the footer's city are the same town: a majority corrects an OCR slip. */
        void voteCity() {
            ExtractedField greffe = fields.get(FieldKey.GREFFE);
            ExtractedField rcs = fields.get(FieldKey.RCS_VILLE);
            if (greffe != null) {
                cityVotes.add(greffe.value());
            }
            for (ExtractedField f : new ExtractedField[] {greffe, rcs}) {
                if (f == null || !ocr) {
                    continue;
                }
                String best = f.value();
                long bestCount = cityVotes.stream().filter(best::equals).count();
                for (String v : cityVotes) {
                    long n = cityVotes.stream().filter(v::equals).count();
                    if (n > bestCount) {
                        best = v;
                        bestCount = n;
                    }
                }
                if (!best.equals(f.value())) {
                    fields.put(f.key(), new ExtractedField(f.key(), best, 0.7, f.location()));
                } else if (bestCount >= 2) {
                    fields.put(f.key(), f.withConfidence(Math.max(f.confidence(), 0.9)));
                }
            }
        }

        Officer toOfficer(OfficerDraft d) {
            Optional<String> role = Optional.ofNullable(d.role);
            if (d.isCompany()) {
                return new Officer.Company(role, d.denomination, Optional.ofNullable(d.siren),
                        Math.min(d.roleConfidence, d.companyConfidence));
            }
            double c = Math.min(Math.min(d.roleConfidence, d.nameConfidence), d.birthConfidence);
            return new Officer.Person(role, d.nom, d.prenoms, Optional.ofNullable(d.birthDate),
                    Optional.ofNullable(d.birthPlace), c);
        }
    }

    // ------------------------------------------------------------ helpers

    private enum HeaderLabel implements LabelMatcher.Label {
        GREFFE;

        @Override
        public List<String> variants() {
            return List.of("greffe du tribunal de commerce de", "greffe du tribunal de commerce d'",
                    "greffe du tribunal de commerce");
        }
    }
}
