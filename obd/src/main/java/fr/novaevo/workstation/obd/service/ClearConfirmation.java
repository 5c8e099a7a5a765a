package fr.novaevo.workstation.obd.service;

import java.util.List;

/**
 * The user's explicit "yes" to clearing codes, with what the journal keeps. Made by the UI after its dialog
 * (which advises ignition on, engine off) or by {@code workstation obd clear --yes}.
 *
 * @param vehicle     the VIN, or another identification when the VIN is unknown
 * @param codesBefore the codes shown to the user when they confirmed
 * @param engineOff   the user confirmed the engine is not running (many ECUs refuse to clear otherwise)
 */
public record ClearConfirmation(String vehicle, List<EcuCode> codesBefore, boolean engineOff) {

    public ClearConfirmation {
        codesBefore = List.copyOf(codesBefore);
    }
}
