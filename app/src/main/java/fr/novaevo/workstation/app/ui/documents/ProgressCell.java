package fr.novaevo.workstation.app.ui.documents;

import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;

/** A progress bar with its text ("12/48") in a table cell; a fraction of -1 is an indeterminate bar. */
final class ProgressCell<S> extends TableCell<S, S> {

    /** What the bar shows for one row. */
    record Shown(double fraction, String text) {
    }

    private final ProgressBar bar = new ProgressBar();
    private final Function<S, Shown> shown;

    ProgressCell(Function<S, Shown> shown) {
        this.shown = shown;
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(90);
        setContentDisplay(ContentDisplay.LEFT);
        setGraphicTextGap(8);
    }

    @Override
    protected void updateItem(S item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Shown now = shown.apply(item);
        bar.setProgress(now.fraction());
        setGraphic(bar);
        setText(now.text());
    }
}
