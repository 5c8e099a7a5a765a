package fr.novaevo.workstation.app.ui.documents.supervision;

import fr.novaevo.workstation.app.ui.I18n;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The line beside a form's or a table's buttons that says how the last action went: green, red, or plain. */
final class Outcome {

    private final Label label = new Label();
    private final I18n i18n;

    Outcome(String id, I18n i18n) {
        this.i18n = i18n;
        label.setId(id);
        label.setWrapText(true);
    }

    Label label() {
        return label;
    }

    void ok(String text) {
        label.getStyleClass().setAll("label", "message-ok");
        label.setText(text);
    }

    void plain(String text) {
        label.getStyleClass().setAll("label");
        label.setText(text);
    }

    void error(String text) {
        label.getStyleClass().setAll("label", "message-error");
        label.setText(text);
    }

    /** The failure in the user's language with its quotable code. */
    void failed(Throwable failure) {
        error(i18n.error(failure));
    }

    /** {@code nodes} (buttons, never shortened), then this line. */
    HBox after(Node... nodes) {
        HBox line = new HBox(10, nodes);
        for (Node node : nodes) {
            if (node instanceof javafx.scene.layout.Region region) {
                region.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        line.getChildren().add(label);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
