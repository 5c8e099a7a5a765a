package fr.novaevo.workstation.app.ui;

import javafx.scene.Node;

/** One area of the main window, reached from the navigation. Only areas that work are registered. */
public interface Area {

    /** Stable id, used by tests and to keep the current area across a language switch. */
    String id();

    /** Key of the navigation label. */
    String titleKey();

    /** Builds the area's view; called again after a language switch. */
    Node createView();

    /** Called when the area leaves the screen or the window closes: stop timers, release listeners. */
    default void dispose() {
    }
}
