package fr.novaevo.workstation.ocr.kbis;

import java.time.LocalDate;
import java.util.Optional;

/** A person or company of the "GESTION, DIRECTION, ..." section, or the registered sole trader. */
public sealed interface Officer {

    /** The role line as printed ("Président", "Gérant - Associé unique"); empty for a sole trader. */
    Optional<String> role();

    double confidence();

    /**
     * @param nom     birth surname (the capitalised part of "Nom, prénoms")
     * @param prenoms first names as printed
     */
    record Person(Optional<String> role, String nom, String prenoms, Optional<LocalDate> dateNaissance,
                  Optional<String> lieuNaissance, double confidence) implements Officer {
    }

    /** A company officer, typically the statutory auditor. */
    record Company(Optional<String> role, String denomination, Optional<String> siren, double confidence)
            implements Officer {
    }
}
