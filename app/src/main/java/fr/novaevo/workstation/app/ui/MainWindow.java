package fr.novaevo.workstation.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.ui.about.AboutArea;
import fr.novaevo.workstation.app.ui.settings.SettingsArea;
import fr.novaevo.workstation.app.ui.supervision.SupervisionArea;
import fr.novaevo.workstation.app.ui.vehicle.VehicleArea;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: navigation on the left, the current area in the middle, the status bar below. A language
 * change or a restore rebuilds the areas in place, keeping the current one.
 */
public final class MainWindow implements UiContext.Shell {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MainWindow.class);

    public static final String LANGUAGE_SETTING = "ui.language";

    private final Workstation workstation;
    private final Stage stage;
    private final Path logFile;
    private final Optional<String> forcedLanguage;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final List<Area> areas = new ArrayList<>();
    private final ToggleGroup navigation = new ToggleGroup();
    /** One platform session and one bench vehicle for the window's whole life, across rebuilds. */
    private final fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection platform;
    private final BenchVehicle benchVehicle = new BenchVehicle();
    private java.util.function.Consumer<String> browser = url -> LOG.warn("no browser: {} not opened", url);
    private UiContext context;
    private StatusBar statusBar;
    private String currentArea = VehicleArea.ID;
    private String pendingTab;

    public MainWindow(Workstation workstation, Stage stage, Path logFile, Optional<String> forcedLanguage) {
        this.workstation = workstation;
        this.stage = stage;
        this.logFile = logFile;
        this.forcedLanguage = forcedLanguage;
        this.platform = new fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection(workstation);
        root.getStyleClass().add("main-window");
        root.setCenter(content);
        content.getStyleClass().add("area-content");
    }

    public Scene createScene() {
        long started = System.nanoTime();
        build();
        platform.openIfConfigured();
        connectDocumentsToPlatform();
        LOG.debug("Main window built in {} ms", (System.nanoTime() - started) / 1_000_000);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("workstation.css").toExternalForm());
        return scene;
    }

    private void build() {
        areas.forEach(Area::dispose);
        areas.clear();
        if (statusBar != null) {
            statusBar.dispose();
        }
        String language = forcedLanguage.orElse(workstation.settings().get(LANGUAGE_SETTING, "fr"));
        I18n i18n = new I18n(language, workstation.clock().getZone());
        context = new UiContext(workstation, i18n, stage, logFile, this, platform, benchVehicle);
        // Later capabilities register their areas here, before Paramètres.
        areas.add(new VehicleArea(context));
        areas.add(new fr.novaevo.workstation.app.ui.bookings.BookingsArea(context));
        areas.add(new fr.novaevo.workstation.app.ui.documents.DocumentsArea(context));
        areas.add(new SettingsArea(context));
        areas.add(new SupervisionArea(context));
        areas.add(new AboutArea(context));

        VBox nav = new VBox(4);
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(12, 8, 12, 8));
        Label brand = new Label("NovaEvo");
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        navigation.getToggles().clear();
        for (Area area : areas) {
            ToggleButton button = new ToggleButton(i18n.t(area.titleKey()));
            button.setId("nav-" + area.id());
            button.setToggleGroup(navigation);
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("nav-button");
            button.setOnAction(e -> {
                if (button.isSelected()) {
                    show(area.id());
                } else {
                    button.setSelected(true); // a navigation always has one area selected
                }
            });
            nav.getChildren().add(button);
        }
        javafx.scene.layout.Region navSpacer = new javafx.scene.layout.Region();
        VBox.setVgrow(navSpacer, Priority.ALWAYS);
        nav.getChildren().addAll(navSpacer, fr.novaevo.workstation.app.ui.feedback.ProblemReportDialog.navButton(context));
        root.setLeft(nav);

        boolean demo = DemoMode.active(workstation.settings());
        if (demo) {
            // Say what is simulated: the vehicle, the platform, or both.
            String missing = !DemoMode.adapterConfigured(workstation.settings())
                    ? (DemoMode.platformConfigured(workstation.settings()) ? ".adapter" : "") : ".platform";
            Label banner = new Label(i18n.t("app.demo.banner" + missing));
            banner.setId("demo-banner");
            banner.getStyleClass().add("demo-banner");
            banner.setWrapText(true);
            banner.setMaxWidth(Double.MAX_VALUE);
            root.setTop(banner);
        } else {
            root.setTop(null);
        }
        stage.setTitle(i18n.t("app.title") + (demo ? " — " + i18n.t("app.demo.title") : ""));
        statusBar = new StatusBar(context);
        root.setBottom(statusBar.view());
        show(currentArea);
    }

    private void show(String areaId) {
        Area area = areas.stream().filter(a -> a.id().equals(areaId)).findFirst().orElse(areas.getFirst());
        currentArea = area.id();
        long started = System.nanoTime();
        Node view = area.createView();
        LOG.debug("Area {} built in {} ms", area.id(), (System.nanoTime() - started) / 1_000_000);
        if (pendingTab != null && view instanceof TabbedView tabbed) {
            tabbed.selectTab(pendingTab);
        }
        pendingTab = null;
        VBox.setVgrow(view, Priority.ALWAYS);
        content.getChildren().setAll(view);
        navigation.getToggles().stream()
                .filter(t -> ((ToggleButton) t).getId().equals("nav-" + currentArea))
                .findFirst().ifPresent(t -> t.setSelected(true));
    }

    public String currentArea() {
        return currentArea;
    }

    @Override
    public void settingsChanged() {
        platform.settingsChanged();
        connectDocumentsToPlatform();
        build();
    }

    @Override
    public void dataReplaced() {
        workstation.settings().reload();
        platform.dataReplaced();
        connectDocumentsToPlatform();
        build();
    }

    @Override
    public void navigate(String areaId, String tabId) {
        pendingTab = tabId;
        show(areaId);
    }

    @Override
    public void adapterLink(UiContext.AdapterLink link, String port) {
        if (statusBar != null) {
            statusBar.adapterLink(link, port);
        }
    }

    @Override
    public void openInBrowser(String url) {
        browser.accept(url);
    }

    /** How web pages are opened: the application's HostServices (tests watch what would open). */
    public void browser(java.util.function.Consumer<String> opener) {
        this.browser = opener;
    }

    /** Brings the window forward: a second launch of the application asked for it. */
    public void bringToFront() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    public void dispose() {
        areas.forEach(Area::dispose);
        if (statusBar != null) {
            statusBar.dispose();
        }
        workstation.documents().verifier(Optional.empty());
        platform.close();
    }

    /** Kbis read from now on get the platform's trust level when a platform is configured (none in demo mode). */
    private void connectDocumentsToPlatform() {
        workstation.documents().verifier(fr.novaevo.workstation.app.bootstrap.platform.PlatformKbisVerifier
                .whenConfigured(platform, workstation.settings()));
    }

    /** The window's platform session: commands typed while the window is open use it too. */
    public fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection platform() {
        return platform;
    }

    /** A view made of tabs that the shell can open on a given tab. */
    public interface TabbedView {
        void selectTab(String tabId);
    }
}
