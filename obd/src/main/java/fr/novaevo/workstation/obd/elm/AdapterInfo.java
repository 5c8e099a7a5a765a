package fr.novaevo.workstation.obd.elm;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the adapter is, as probed rather than as claimed: clones answer {@code ELM327 v2.1} and refuse
 * v1.4 commands.
 *
 * @param identity       the {@code ATI} answer, e.g. "ELM327 v1.5"
 * @param claimedVersion the version in that answer, e.g. "1.5", or "" when there is none
 * @param probedVersion  the highest command-set level whose commands all worked, e.g. "1.3"
 * @param stnIdentity    the {@code STI} answer when the chip is an STN (OBDLink), else empty
 * @param description    the device name: {@code STDI} on an STN ("OBDLink SX r4.2"), else the {@code AT@1} answer
 * @param features       what this adapter accepted
 * @param voltage        the {@code ATRV} reading in volts, when the adapter can read it
 */
public record AdapterInfo(String identity, String claimedVersion, String probedVersion, Optional<String> stnIdentity,
        Optional<String> description, Set<Feature> features, OptionalDouble voltage) {

    public AdapterInfo {
        features = Set.copyOf(features);
    }

    /** Features the driver uses when present and works around when absent. */
    public enum Feature { HEADERS, SPACES_OFF, ADAPTIVE_TIMING, VOLTAGE, RESPONSE_COUNT, STN }

    public boolean isStn() {
        return stnIdentity.isPresent();
    }

    /** "ELM327" or "STN" family name for display and the command line's {@code adapter.type}. */
    public String type() {
        return isStn() ? "STN" : "ELM327";
    }

    /** True when the adapter claims a version its command set does not have: a clone. */
    public boolean claimsMoreThanItHas() {
        return !claimedVersion.isEmpty() && compareVersions(claimedVersion, probedVersion) > 0;
    }

    static int compareVersions(String a, String b) {
        return Double.compare(numeric(a), numeric(b));
    }

    private static double numeric(String version) {
        String digits = version.replaceAll("[^0-9.]", "");
        try {
            return digits.isEmpty() ? 0 : Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
