package fr.novaevo.workstation.obd.dtc;

import java.util.Locale;

/**
 * A code as the workstation shows it: what it means, and how urgent it is with the rule that says so.
 *
 * @param code     "P0301"
 * @param status   generic, manufacturer-specific or unknown
 * @param french   French description (for a manufacturer-specific code, a sentence saying so)
 * @param english  English description
 * @param severity the level
 * @param ruleFr   the rule that gave the level, in French, for the mechanic ("Ratés d'allumage ...")
 * @param ruleEn   the same rule in English
 */
public record FaultCodeDescription(String code, CodeStatus status, String french, String english, Severity severity,
        String ruleFr, String ruleEn) {

    /** The description in French for a French locale, else in English. */
    public String description(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? french : english;
    }

    /** The rule in French for a French locale, else in English. */
    public String rule(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? ruleFr : ruleEn;
    }
}
