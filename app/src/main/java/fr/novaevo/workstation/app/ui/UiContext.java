package fr.novaevo.workstation.app.ui;

import java.nio.file.Path;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import javafx.stage.Window;

/**
 * What a view needs from the shell: the services, the language, the window (as owner of dialogs) and the
 * shell's reactions to changes that affect every area.
 */
public record UiContext(Workstation workstation, I18n i18n, Window window, Path logFile, Shell shell) {

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

        /** The platform sync state as the bookings area shows it ("Synchronisé 07:38"), for the status bar. */
        default void platformState(String text, boolean demo) {
        }
    }

    /** What the status bar says of the vehicle adapter while a vehicle area uses it. */
    public enum AdapterLink { NONE, CONNECTING, CONNECTED, LOST
    }
}
