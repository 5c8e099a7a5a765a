package fr.novaevo.workstation.obd.vin;

/**
 * Something the decoder noticed about a VIN.
 *
 * @param level   an error makes the VIN invalid; an information does not
 * @param code    a stable identifier ("VIN-LENGTH", "VIN-CHECK-DIGIT"...) the UI can translate
 * @param french  the message in French
 * @param english the message in English
 */
public record VinIssue(Level level, String code, String french, String english) {

    public enum Level { ERROR, INFO }
}
