package fr.novaevo.workstation.app.ui.documents;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import fr.novaevo.workstation.app.bootstrap.DocumentBatches;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.ocr.kbis.Location;
import fr.novaevo.workstation.ocr.result.PageGeometry;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The pages of the document under review, drawn in the frame their words were read in (a scan straightened as
 * the OCR saw it), one at a time, fitted to the pane's width and zoomable; a box shows where a field was read,
 * turning to its page and scrolling it into view.
 */
final class PageViewer {

    /** Width at which a page is first shown: a page and the fields side by side fit a 1280-pixel window. */
    static final double PAGE_WIDTH = 560;
    /** Page widths shown, as a share of the pane's width: the whole width first, then closer. */
    private static final double[] ZOOMS = {1.0, 1.5, 2.0, 3.0};

    private final DocumentsArea area;
    private final I18n i18n;
    private final ImageView page = new ImageView();
    private final Rectangle box = new Rectangle();
    private final ScrollPane scroll;
    private final ProgressIndicator reading = new ProgressIndicator();
    private final Label pageLabel = new Label();
    private final Label message = new Label();
    private final Button previous = new Button("◀");
    private final Button next = new Button("▶");
    private final Button zoomOut = new Button("−");
    private final Button zoomIn = new Button("+");
    private final Map<Integer, Image> images = new HashMap<>();
    private final VBox root;
    private Path file;
    private List<PageGeometry> pages = List.of();
    private int pageIndex;
    private int zoomStep;
    private Optional<Location> highlighted = Optional.empty();

    PageViewer(DocumentsArea area, I18n i18n) {
        this.area = area;
        this.i18n = i18n;
        page.setPreserveRatio(true);
        page.setFitWidth(PAGE_WIDTH);
        page.setId("documents-page");
        box.setId("documents-field-box");
        box.getStyleClass().add("documents-field-box");
        box.setManaged(false);
        box.setVisible(false);
        box.setMouseTransparent(true);
        Pane layer = new Pane(page, box);
        layer.getStyleClass().add("documents-page");
        scroll = new ScrollPane(layer);
        scroll.setId("documents-page-scroll");
        scroll.setPrefViewportWidth(PAGE_WIDTH + 8);
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> fit());
        VBox.setVgrow(scroll, Priority.ALWAYS);
        reading.setVisible(false);
        reading.setPrefSize(22, 22);
        previous.setId("documents-page-previous");
        next.setId("documents-page-next");
        previous.setOnAction(e -> show(pageIndex - 1));
        next.setOnAction(e -> show(pageIndex + 1));
        zoomOut.setId("documents-zoom-out");
        zoomIn.setId("documents-zoom-in");
        zoomOut.setOnAction(e -> zoom(-1));
        zoomIn.setOnAction(e -> zoom(1));
        zoomOut.setDisable(true);
        pageLabel.setId("documents-page-label");
        message.setId("documents-page-message");
        message.setWrapText(true);
        HBox bar = new HBox(8, previous, pageLabel, next, zoomOut, zoomIn, reading);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(8, bar, scroll, message);
        root.setMinWidth(PAGE_WIDTH / 2);
    }

    VBox root() {
        return root;
    }

    /** Another document: nothing shown until {@link #load} (the field to highlight is kept for it). */
    void clear() {
        file = null;
        pages = List.of();
        images.clear();
        box.setVisible(false);
        page.setImage(null);
        pageLabel.setText("");
        message.setText("");
        previous.setDisable(true);
        next.setDisable(true);
    }

    /**
     * Finds the document's page frames (kept from its reading, or read again for an older result), then shows
     * its first page; {@code readable} false (a document in error) says there is no page to show.
     */
    void load(Path document, boolean readable) {
        clear();
        if (!readable) {
            message.setText(i18n.t("documents.review.no_page"));
            return;
        }
        file = document;
        reading.setVisible(true);
        message.setText(i18n.t("documents.review.reading"));
        area.run(() -> area.documents().reviews().pages(document, DocumentBatches.UNWATCHED), frames -> {
            if (!document.equals(file)) {
                return;
            }
            reading.setVisible(false);
            pages = frames;
            message.setText(frames.isEmpty() ? i18n.t("documents.review.no_page") : "");
            show(highlighted.map(l -> l.page() - 1).orElse(0));
        }, this::failed);
    }

    /** Draws the box where a field was read, on its page; empty: no box (a derived or missing value). */
    void highlight(Optional<Location> where) {
        highlighted = where;
        int wanted = where.map(l -> l.page() - 1).orElse(pageIndex);
        if (wanted != pageIndex && wanted >= 0 && wanted < pages.size()) {
            show(wanted);
        } else {
            drawBox();
        }
    }

    private void show(int index) {
        if (pages.isEmpty() || index < 0 || index >= pages.size()) {
            return;
        }
        pageIndex = index;
        pageLabel.setText(i18n.t("documents.review.page", index + 1, pages.size()));
        previous.setDisable(index == 0);
        next.setDisable(index == pages.size() - 1);
        box.setVisible(false);
        Image known = images.get(index);
        if (known != null) {
            page.setImage(known);
            drawBox();
            return;
        }
        Path document = file;
        PageGeometry frame = pages.get(index);
        reading.setVisible(true);
        area.run(() -> FxImages.toFx(area.documents().reviews().pageImage(document, frame)), image -> {
            reading.setVisible(false);
            if (!document.equals(file)) {
                return;
            }
            images.put(index, image);
            if (pageIndex == index) {
                page.setImage(image);
                drawBox();
            }
        }, this::failed);
    }

    private void zoom(int steps) {
        zoomStep = Math.max(0, Math.min(ZOOMS.length - 1, zoomStep + steps));
        zoomOut.setDisable(zoomStep == 0);
        zoomIn.setDisable(zoomStep == ZOOMS.length - 1);
        fit();
    }

    /** The page fills the width it is given, times the zoom; the box follows. */
    private void fit() {
        double width = Math.max(200, Math.floor(scroll.getViewportBounds().getWidth()) - 2) * ZOOMS[zoomStep];
        if (Math.abs(page.getFitWidth() - width) >= 1) {
            page.setFitWidth(width);
            drawBox();
        }
    }

    private void drawBox() {
        box.setVisible(false);
        if (highlighted.isEmpty() || page.getImage() == null || pages.isEmpty()
                || highlighted.get().page() - 1 != pageIndex) {
            return;
        }
        Location at = highlighted.get();
        double scale = page.getFitWidth() / pages.get(pageIndex).width();
        double margin = 3;
        box.setX(at.x0() * scale - margin);
        box.setY(at.y0() * scale - margin);
        box.setWidth((at.x1() - at.x0()) * scale + 2 * margin);
        box.setHeight((at.y1() - at.y0()) * scale + 2 * margin);
        box.setVisible(true);
        // bring the box into view, a third down and a little in from the left
        double extraHeight = page.getBoundsInParent().getHeight() - scroll.getViewportBounds().getHeight();
        double extraWidth = page.getBoundsInParent().getWidth() - scroll.getViewportBounds().getWidth();
        if (extraHeight > 0) {
            double top = box.getY() - scroll.getViewportBounds().getHeight() / 3;
            scroll.setVvalue(Math.max(0, Math.min(1, top / extraHeight)));
        }
        if (extraWidth > 0) {
            scroll.setHvalue(Math.max(0, Math.min(1, (box.getX() - 40) / extraWidth)));
        }
    }

    private void failed(Throwable failure) {
        reading.setVisible(false);
        message.setText(i18n.error(failure));
    }
}
