package fr.novaevo.workstation.ocr.result;

import java.util.List;
import java.util.Objects;

/**
 * The platform's answer, as the contract gives it.
 *
 * @param status     {@code verified}, {@code mismatch}, {@code pending} (ask again later) or {@code not_found}
 * @param trustLevel 0 to 3
 * @param checks     each named as the contract names it ({@code siren_registered}, {@code extract_recent}...)
 */
public record PlatformVerification(String status, int trustLevel, List<Check> checks) {

    public record Check(String name, boolean ok) {
        public Check {
            Objects.requireNonNull(name, "name");
        }
    }

    public PlatformVerification {
        Objects.requireNonNull(status, "status");
        checks = checks == null ? List.of() : List.copyOf(checks);
        if (trustLevel < 0 || trustLevel > 3) {
            throw new IllegalArgumentException("trust level 0 to 3, not " + trustLevel);
        }
    }
}
