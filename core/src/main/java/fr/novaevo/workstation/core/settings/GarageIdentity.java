package fr.novaevo.workstation.core.settings;

import java.nio.file.Path;
import java.util.Optional;

/** The garage as printed on reports and exports. */
public record GarageIdentity(String name, String address, String siret, String phone, Optional<Path> logo) {

    public static final String NAME = "garage.name";
    public static final String ADDRESS = "garage.address";
    public static final String SIRET = "garage.siret";
    public static final String PHONE = "garage.phone";
    public static final String LOGO = "garage.logo";

    public static GarageIdentity from(SettingsStore settings) {
        return new GarageIdentity(settings.get(NAME, ""), settings.get(ADDRESS, ""), settings.get(SIRET, ""),
                settings.get(PHONE, ""), settings.get(LOGO).map(Path::of));
    }

    /**
     * A SIRET is 14 digits whose Luhn sum is a multiple of 10; La Poste's establishments (SIREN 356000000) use
     * a digit sum multiple of 5 instead.
     */
    public static boolean isValidSiret(String value) {
        String digits = value == null ? "" : value.replace(" ", "");
        if (!digits.matches("\\d{14}")) {
            return false;
        }
        if (digits.startsWith("356000000")) {
            int sum = digits.chars().map(c -> c - '0').sum();
            return sum % 5 == 0;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int digit = digits.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
