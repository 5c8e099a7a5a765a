package fr.novaevo.workstation.sync.model;

import java.time.LocalDate;

/** {@code POST verifications/kbis}: the fields read from a Kbis extract. */
public record KbisRequest(String siren, String denomination, String rcsVille, LocalDate dateExtrait,
                          String codeVerification) {
}
