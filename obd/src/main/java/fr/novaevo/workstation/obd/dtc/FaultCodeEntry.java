package fr.novaevo.workstation.obd.dtc;

/**
 * One line of the generic code table.
 *
 * @param code     "P0300"
 * @param english  the SAE J2012 wording
 * @param french   the French wording shown first in the workstation
 */
public record FaultCodeEntry(String code, String english, String french) {
}
