package fr.novaevo.workstation.sync.model;

import java.util.regex.Pattern;

/** The vehicle of a booking; every field may be unknown (null) until read at the bench. */
public record Vehicle(String vin, String plate, String make, String model, Integer year, Long mileageKm) {

    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    public static final Vehicle UNKNOWN = new Vehicle(null, null, null, null, null, null);

    /** 17 characters, digits and capital letters without I, O or Q (the contract's rule). */
    public static boolean isValidVin(String vin) {
        return vin != null && VIN.matcher(vin).matches();
    }
}
