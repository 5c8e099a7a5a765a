package fr.novaevo.workstation.app.ui;

import java.nio.file.Path;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection;
import javafx.stage.Window;

/**
 * What a view needs from the shell: the services, the language, the window (as owner of dialogs) and the
 * shell's reactions to changes that affect every area; the window's one platform session and the vehicle
 * connected at the bench, shared by the areas.
 */
public record UiContext(Workstation workstation, I18n i18n, Window window, Path logFile, Shell shell,
                        PlatformConnection platform, BenchVehicle benchVehicle) {

    /** For a test of one area that does not use the platform: a session that opens only if asked. */
    public UiContext(Workstation workstation, I18n i18n, Window window, Path logFile, Shell shell) {
        this(workstation, i18n, window, logFile, shell, new PlatformConnection(workstation), new BenchVehicle());
    }

    /** The main window's reactions. */
    public interface Shell {
        /** The language or another setting shown everywhere changed: rebuild every view. */
        void settingsChanged();

        /** The database was replaced (restore): reload everything from it. */
        void dataReplaced();

        /** Go to an area, optionally to one of its tabs. */
        void navigate(String areaId, String tabId);

        /** The vehicle link changed: the status bar shows it (NONE: back to the configured adapter). */
        void adapterLink(AdapterLink link, String port);

        /** Opens a web page in the user's browser (a partner's offer). */
        default void openInBrowser(String url) {
            org.slf4j.LoggerFactory.getLogger(Shell.class).warn("no browser in this window: {} not opened", url);
        }
    }

    /** What the status bar says of the vehicle adapter while a vehicle area uses it. */
    public enum AdapterLink { NONE, CONNECTING, CONNECTED, LOST
    }
}
