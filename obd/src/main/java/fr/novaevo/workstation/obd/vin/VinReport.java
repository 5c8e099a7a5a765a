package fr.novaevo.workstation.obd.vin;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a VIN says about the vehicle.
 *
 * @param vin              the VIN as read, upper case, spaces removed
 * @param valid            no {@link VinIssue.Level#ERROR} issue
 * @param issues           errors and information, in the order found
 * @param wmi              positions 1-3 (world manufacturer identifier) when the VIN is long enough
 * @param manufacturer     the maker from the WMI table, when known
 * @param country          the country of the plant: from the WMI table, else from the ISO 3780 region codes
 * @param checkDigitOk     whether position 9 matches the computed check digit (empty if not computable)
 * @param modelYears       every model year position 10 can mean (the code repeats every 30 years)
 * @param modelYear        the most probable of them
 */
public record VinReport(String vin, boolean valid, List<VinIssue> issues, Optional<String> wmi,
        Optional<String> manufacturer, Optional<String> country, Optional<Boolean> checkDigitOk,
        List<Integer> modelYears, OptionalInt modelYear) {

    public VinReport {
        issues = List.copyOf(issues);
        modelYears = List.copyOf(modelYears);
    }

    public boolean hasIssue(String code) {
        return issues.stream().anyMatch(i -> i.code().equals(code));
    }
}
