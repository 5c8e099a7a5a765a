package fr.novaevo.workstation.sync.model;

import java.util.List;

/**
 * The platform's professional verification: {@code status} is {@code verified}, {@code mismatch},
 * {@code pending} or {@code not_found}; {@code trustLevel} 0 to 3.
 */
public record KbisVerification(String status, int trustLevel, List<Check> checks) {

    /** One check, named as the contract names it ({@code siren_checksum}, {@code extract_recent}...). */
    public record Check(String name, boolean ok) {
    }

    public KbisVerification {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
