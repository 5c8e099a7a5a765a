package fr.novaevo.workstation.ocr.kbis;

import java.util.Optional;

/**
 * @param type      Kbis, other document, or unknown (too little text to tell)
 * @param personne  for a Kbis: "morale" (Extrait Kbis of a company) or "physique" (Extrait K of a sole trader)
 * @param markers   how many Kbis markers were found, for the log and tests
 */
public record Classification(DocumentType type, Optional<String> personne, int markers) {
}
