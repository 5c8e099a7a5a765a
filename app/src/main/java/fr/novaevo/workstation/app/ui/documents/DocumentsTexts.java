package fr.novaevo.workstation.app.ui.documents;

import java.util.stream.Collectors;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.ocr.batch.BatchState;
import fr.novaevo.workstation.ocr.batch.DocumentState;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.Issue;

/** The area's words for states, statuses, fields and reasons, in the user's language. */
final class DocumentsTexts {

    private final I18n i18n;

    DocumentsTexts(I18n i18n) {
        this.i18n = i18n;
    }

    String batchState(BatchState state) {
        return i18n.t("documents.batch.state." + state.name());
    }

    String documentState(DocumentState state) {
        return i18n.t("documents.document.state." + state.name());
    }

    /** {@code ok | needs_review | error} as stored, translated. */
    /** The platform's verification status ({@code verified}, {@code mismatch}, {@code pending}, {@code not_found}). */
    String platformStatus(String status) {
        return i18n.tOr("documents.platform.status." + status, status);
    }

    /** One of the platform's checks, named as the contract names it; an unknown name is shown as it comes. */
    String platformCheck(String name) {
        return i18n.tOr("documents.platform.check." + name, name);
    }

    String status(String jsonStatus) {
        return i18n.tOr("documents.status." + jsonStatus, jsonStatus);
    }

    String field(FieldKey key) {
        return i18n.tOr("documents.field." + key.jsonName(), key.jsonName());
    }

    /** The reason in French (or English) with its quotable code; the engine's English message when untranslated. */
    String reason(Issue issue) {
        return reason(issue.code(), issue.message());
    }

    String reason(String code, String message) {
        return i18n.tOr("error." + code, message) + " (" + code + ")";
    }

    /** A stored {@code LAST_ERROR} ("CODE: message") as a reason. */
    String lastError(String stored) {
        int colon = stored.indexOf(": ");
        return colon > 0 ? reason(stored.substring(0, colon), stored.substring(colon + 2)) : stored;
    }

    String reasons(DocumentResult result) {
        return result.issues().stream().map(this::reason).collect(Collectors.joining(" ; "));
    }
}
