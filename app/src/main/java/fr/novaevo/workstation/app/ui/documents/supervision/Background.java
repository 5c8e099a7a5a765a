package fr.novaevo.workstation.app.ui.documents.supervision;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import fr.novaevo.workstation.app.ui.FxExecutor;

/** Work that touches the database or a file, off the JavaFX thread, with its outcome handed back to it. */
final class Background {

    private final Executor worker;

    Background(Executor worker) {
        this.worker = worker;
    }

    <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, worker).whenCompleteAsync((result, failure) -> {
            if (failure != null) {
                failed.accept(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                done.accept(result);
            }
        }, FxExecutor.INSTANCE);
    }
}
