package fr.novaevo.workstation.app.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Hands results back to the JavaFX thread: the only thread that touches the scene. */
public final class FxExecutor implements Executor {

    public static final FxExecutor INSTANCE = new FxExecutor();

    private FxExecutor() {
    }

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
