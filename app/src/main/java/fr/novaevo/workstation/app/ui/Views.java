package fr.novaevo.workstation.app.ui;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Small building blocks shared by the views, so that every area looks the same. */
public final class Views {

    private Views() {
    }

    public static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("area-title");
        return label;
    }

    public static VBox section(String title, Node... content) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        VBox box = new VBox(label);
        box.getChildren().addAll(content);
        box.getStyleClass().add("section");
        return box;
    }

    public static Label help(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("help-text");
        label.setWrapText(true);
        return label;
    }

    /** A two-column form: labels on the left, fields growing on the right. */
    public static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(190);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** Adds a labelled field and, below it, its help or error lines. */
    public static void row(GridPane form, String label, Node field, Node... below) {
        int row = form.getRowCount();
        Label caption = new Label(label);
        caption.setLabelFor(field);
        form.add(caption, 0, row);
        form.add(field, 1, row);
        for (Node node : below) {
            form.add(node, 1, form.getRowCount());
        }
    }

    public static void showError(Window owner, I18n i18n, Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR, i18n.error(failure), ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(i18n.t("common.error.title"));
        alert.setHeaderText(null);
        alert.show();
    }

    public static boolean confirm(Window owner, String title, String text, I18n i18n) {
        ButtonType yes = new ButtonType(i18n.t("common.yes"), javafx.scene.control.ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(i18n.t("common.no"), javafx.scene.control.ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, no);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
