package fr.novaevo.workstation.app.ui.supervision;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** This launch's log file, read on a background thread and refreshed every few seconds. */
final class LogTab {

    private final UiContext context;
    private final TextArea text = new TextArea();
    private final ComboBox<LogTail.Filter> level;
    private final Timeline poll;
    private final VBox root;
    private String shown = "";

    LogTab(UiContext context) {
        this.context = context;
        I18n i18n = context.i18n();
        text.setId("log-text");
        text.setEditable(false);
        text.getStyleClass().add("log-view");
        level = new ComboBox<>(FXCollections.observableArrayList(LogTail.Filter.values()));
        level.setId("log-level");
        level.setValue(LogTail.Filter.ALL);
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(LogTail.Filter f) {
                return f == null ? "" : i18n.t("log.level." + f.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public LogTail.Filter fromString(String s) {
                return LogTail.Filter.ALL;
            }
        });
        level.valueProperty().addListener((obs, old, now) -> refresh());
        Button refresh = new Button(i18n.t("common.refresh"));
        refresh.setOnAction(e -> refresh());
        Label file = new Label(i18n.t("log.file", String.valueOf(context.logFile())));
        file.getStyleClass().add("help-text");
        HBox bar = new HBox(10, new Label(i18n.t("log.level")), level, refresh, file);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(text, Priority.ALWAYS);
        root = new VBox(10, bar, text);
        root.setPadding(new Insets(12));
        poll = new Timeline(new KeyFrame(Duration.seconds(3), e -> refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        refresh();
    }

    Node view() {
        return root;
    }

    void refresh() {
        LogTail.Filter filter = level.getValue();
        CompletableFuture.supplyAsync(() -> {
            try {
                return LogTail.read(context.logFile(), filter);
            } catch (java.io.IOException e) {
                return List.of(e.getMessage());
            }
        }).thenAcceptAsync(lines -> {
            String content = lines.isEmpty() ? context.i18n().t("log.empty") : String.join("\n", lines);
            if (!content.equals(shown)) {
                shown = content;
                text.setText(content);
                text.positionCaret(content.length());
                text.setScrollTop(Double.MAX_VALUE);
            }
        }, FxExecutor.INSTANCE);
    }

    void dispose() {
        poll.stop();
    }
}
