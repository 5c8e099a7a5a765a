package fr.novaevo.workstation.app.ui.about;

import java.util.List;
import fr.novaevo.workstation.app.cli.VersionInfo;
import fr.novaevo.workstation.app.ui.Area;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** À propos: version, runtime, where the data is, and the licences of the bundled libraries. */
public final class AboutArea implements Area {

    public static final String ID = "about";

    private final UiContext context;

    public AboutArea(UiContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.about";
    }

    @Override
    public Node createView() {
        I18n i18n = context.i18n();
        ImageView icon = new ImageView(new Image(UiContext.class.getResourceAsStream("icon.png")));
        icon.setFitWidth(64);
        icon.setFitHeight(64);
        Label name = new Label(i18n.t("app.title"));
        name.getStyleClass().add("about-title");
        Label version = new Label(i18n.t("about.version", VersionInfo.version()));
        version.setId("about-version");
        VBox heading = new VBox(4, name, version);
        HBox header = new HBox(16, icon, heading);

        Label runtime = Views.help(i18n.t("about.runtime", Runtime.version().toString(), VersionInfo.javafxVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        Label data = Views.help(i18n.t("about.data", context.workstation().layout().root()));
        Label log = Views.help(i18n.t("about.log", String.valueOf(context.logFile())));
        Label copyright = Views.help(i18n.t("about.copyright"));

        List<Licences.Library> libraries = Licences.bundled();
        TableView<Licences.Library> table = new TableView<>(FXCollections.observableList(libraries));
        table.setId("about-licences");
        table.setPlaceholder(new Label(i18n.t("about.licences.missing")));
        table.getColumns().add(column(i18n.t("about.licences.column.library"), 320, Licences.Library::name));
        table.getColumns().add(column(i18n.t("about.licences.column.version"), 120, Licences.Library::version));
        table.getColumns().add(column(i18n.t("about.licences.column.licence"), 460, Licences.Library::licences));
        VBox licences = Views.section(i18n.t("about.licences"), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(licences, Priority.ALWAYS);

        VBox page = new VBox(header, runtime, data, log, copyright, licences);
        page.getStyleClass().add("area");
        page.setId("about-view");
        return page;
    }

    private static TableColumn<Licences.Library, String> column(String title, double width,
                                                                java.util.function.Function<Licences.Library, String> value) {
        TableColumn<Licences.Library, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
