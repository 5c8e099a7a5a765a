package fr.novaevo.workstation.ocr.kbis;

import fr.novaevo.workstation.ocr.result.Issue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Consistency checks on an extracted Kbis. Each failed check is a reason for a person to review the document;
 * none of them makes it an error (the document was read, it just cannot be trusted blindly).
 */
public final class KbisChecks {

    /** Below this a field is worth a look. */
    public static final double LOW_CONFIDENCE = 0.6;
    private static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

    private final Clock clock;

    public KbisChecks(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<Issue> check(KbisExtraction x) {
        List<Issue> issues = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        boolean company = !x.isSoleTrader();

        List<String> missing = new ArrayList<>();
        for (FieldKey k : required(company)) {
            if (x.value(k).isEmpty()) {
                missing.add(k.jsonName());
            }
        }
        if (x.officers().isEmpty()) {
            missing.add(FieldKey.DIRIGEANTS.jsonName());
        }
        if (!missing.isEmpty()) {
            issues.add(new Issue("KBIS-FIELD-MISSING", "fields not found: " + String.join(", ", missing)));
        }

        x.value(FieldKey.SIREN).ifPresent(siren -> {
            if (!Siren.isValid(siren) && !Siren.LA_POSTE.equals(siren)) {
                issues.add(new Issue("KBIS-SIREN-INVALID", "SIREN " + siren + " fails the Luhn check"));
            }
        });
        Optional<String> rcsCity = x.value(FieldKey.RCS_VILLE);
        Optional<String> greffe = x.value(FieldKey.GREFFE);
        if (rcsCity.isPresent() && greffe.isPresent()
                && !Folding.fold(rcsCity.get()).equals(Folding.fold(greffe.get()))) {
            issues.add(new Issue("KBIS-RCS-MISMATCH", "registered at the R.C.S. of " + rcsCity.get()
                    + " but the extract comes from the greffe of " + greffe.get()));
        }
        x.value(FieldKey.NUMERO_GESTION).ifPresent(n -> {
            boolean soleTraderNumber = n.length() > 4 && n.charAt(4) == 'A';
            if (soleTraderNumber == company) {
                issues.add(new Issue("KBIS-RCS-MISMATCH", "management number " + n + " does not match a "
                        + (company ? "company" : "sole trader")));
            }
        });
        for (Officer o : x.officers()) {
            if (o instanceof Officer.Company c && c.siren().isPresent() && c.siren().equals(x.value(FieldKey.SIREN))) {
                issues.add(new Issue("KBIS-RCS-MISMATCH", "an officer company has the SIREN of the company itself"));
            }
        }

        checkDates(x, today, issues);

        x.value(FieldKey.DATE_EXTRAIT).flatMap(KbisChecks::date).ifPresent(d -> {
            if (d.plusMonths(3).isBefore(today)) {
                issues.add(new Issue("KBIS-OUTDATED", "the extract was issued on " + d + ", more than 3 months ago"));
            }
        });
        x.value(FieldKey.RADIEE_LE).ifPresent(d ->
                issues.add(new Issue("KBIS-STRUCK-OFF", "the registration was struck off on " + d)));

        if (company) {
            Optional<String> capital = x.value(FieldKey.CAPITAL_SOCIAL);
            if (capital.isPresent()) {
                try {
                    if (new BigDecimal(capital.get()).signum() <= 0) {
                        issues.add(new Issue("KBIS-CAPITAL-INVALID", "share capital " + capital.get() + " is not positive"));
                    }
                } catch (NumberFormatException e) {
                    issues.add(new Issue("KBIS-CAPITAL-INVALID", "share capital " + capital.get() + " is not a number"));
                }
            }
            officersMatchForm(x).ifPresent(issues::add);
        }

        x.field(FieldKey.CODE_VERIFICATION).ifPresent(code -> {
            // Text layers are exact (confidence 1); OCR cannot tell these glyphs apart in a random code.
            if (code.confidence() < 1.0 && code.value().matches(".*[0Oo1lI].*")) {
                issues.add(new Issue("KBIS-CODE-AMBIGUOUS", "the verification code " + code.value()
                        + " was read by OCR and holds characters it confuses (0/O/o, 1/l/I): compare it with the page"));
            }
        });

        List<String> unsure = new ArrayList<>();
        for (ExtractedField f : x.fields().values()) {
            if (f.confidence() < LOW_CONFIDENCE) {
                unsure.add(f.key().jsonName());
            }
        }
        if (!x.officers().isEmpty() && x.officersConfidence() < LOW_CONFIDENCE) {
            unsure.add(FieldKey.DIRIGEANTS.jsonName());
        }
        if (!unsure.isEmpty()) {
            issues.add(new Issue("KBIS-LOW-CONFIDENCE", "fields read with low confidence: " + String.join(", ", unsure)));
        }
        return issues;
    }

    private static List<FieldKey> required(boolean company) {
        List<FieldKey> keys = new ArrayList<>(List.of(FieldKey.SIREN, FieldKey.RCS_VILLE, FieldKey.NUMERO_GESTION,
                FieldKey.DATE_IMMATRICULATION, FieldKey.GREFFE, FieldKey.DATE_EXTRAIT, FieldKey.CODE_VERIFICATION,
                FieldKey.ADRESSE_ETABLISSEMENT));
        if (company) {
            keys.addAll(List.of(FieldKey.DENOMINATION, FieldKey.FORME_JURIDIQUE, FieldKey.ADRESSE_SIEGE));
        }
        return keys;
    }

    private static void checkDates(KbisExtraction x, LocalDate today, List<Issue> issues) {
        List<String> implausible = new ArrayList<>();
        for (FieldKey k : List.of(FieldKey.DATE_IMMATRICULATION, FieldKey.DATE_COMMENCEMENT_ACTIVITE,
                FieldKey.DATE_A_JOUR, FieldKey.DATE_EXTRAIT, FieldKey.RADIEE_LE)) {
            x.value(k).flatMap(KbisChecks::date).ifPresent(d -> {
                if (d.isBefore(EARLIEST) || d.isAfter(today.plusDays(1))) {
                    implausible.add(k.jsonName() + " " + d);
                }
            });
        }
        Optional<LocalDate> registered = x.value(FieldKey.DATE_IMMATRICULATION).flatMap(KbisChecks::date);
        Optional<LocalDate> upTo = x.value(FieldKey.DATE_A_JOUR).flatMap(KbisChecks::date);
        Optional<LocalDate> issued = x.value(FieldKey.DATE_EXTRAIT).flatMap(KbisChecks::date);
        if (registered.isPresent() && upTo.isPresent() && registered.get().isAfter(upTo.get())) {
            implausible.add("date_immatriculation after date_a_jour");
        }
        if (upTo.isPresent() && issued.isPresent() && upTo.get().isAfter(issued.get())) {
            implausible.add("date_a_jour after date_extrait");
        }
        x.value(FieldKey.DUREE_JUSQUAU).flatMap(KbisChecks::date).ifPresent(d -> {
            if (registered.isPresent() && (d.isBefore(registered.get()) || d.isAfter(registered.get().plusYears(100)))) {
                implausible.add("duree_jusquau " + d);
            }
        });
        LocalDate reference = issued.orElse(today);
        for (Officer o : x.officers()) {
            if (o instanceof Officer.Person p && p.dateNaissance().isPresent()) {
                LocalDate born = p.dateNaissance().get();
                if (born.isAfter(reference.minusYears(16)) || born.isBefore(reference.minusYears(110))) {
                    implausible.add("date_naissance " + born + " of " + p.nom());
                }
            }
        }
        if (!implausible.isEmpty()) {
            issues.add(new Issue("KBIS-DATE-IMPLAUSIBLE", "implausible dates: " + String.join(", ", implausible)));
        }
    }

    /** A SAS is run by a Président, a SARL by a Gérant, a partnership by its associates or a Gérant. */
    static Optional<Issue> officersMatchForm(KbisExtraction x) {
        Optional<String> form = x.value(FieldKey.FORME_JURIDIQUE).map(Folding::fold);
        if (form.isEmpty() || x.officers().isEmpty()) {
            return Optional.empty();
        }
        List<String> roles = x.officers().stream().flatMap(o -> o.role().stream()).map(Folding::fold).toList();
        String expected;
        boolean ok;
        String f = form.get();
        if (f.contains("actions simplifiee")) {
            expected = "a Président";
            ok = roles.stream().anyMatch(r -> r.startsWith("president"));
        } else if (f.contains("responsabilite limitee")) {
            expected = "a Gérant";
            ok = roles.stream().anyMatch(r -> r.startsWith("gerant") || r.startsWith("cogerant"));
        } else if (f.contains("nom collectif") || f.contains("commandite")) {
            expected = "a Gérant or an associate";
            ok = roles.stream().anyMatch(r -> r.startsWith("gerant") || r.startsWith("associe"));
        } else if (f.startsWith("societe anonyme")) {
            expected = "a Président, Directeur général or Administrateur";
            ok = roles.stream().anyMatch(r -> r.startsWith("president") || r.startsWith("directeur general")
                    || r.startsWith("administrateur") || r.contains("directoire"));
        } else {
            return Optional.empty();
        }
        return ok ? Optional.empty() : Optional.of(new Issue("KBIS-OFFICERS-INCONSISTENT",
                x.value(FieldKey.FORME_JURIDIQUE).orElseThrow() + " without " + expected));
    }

    private static Optional<LocalDate> date(String iso) {
        try {
            return Optional.of(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
