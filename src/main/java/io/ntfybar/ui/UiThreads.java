package io.ntfybar.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where ViewModels run work: {@link #io()} for anything that touches the store, the network, the keychain or files;
 * {@link #fx()} to publish the result to the view. Production: one daemon I/O thread (store reads are fast and this
 * keeps results in request order) and {@code Platform.runLater}. ViewModel tests pass a synchronous pair so that a
 * test reads the result right after the call, without a screen.
 */
public record UiThreads(Executor io, Executor fx) {
    public UiThreads {
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(fx, "fx");
    }

    /**
     * The app's threads: {@code ntfybar-ui-io} and the JavaFX application thread. A task that throws on the I/O thread
     * is logged and the thread goes on; the window that asked shows what it already had.
     */
    public static UiThreads standard() {
        return new UiThreads(
                task -> Holder.IO.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        Holder.LOG.warn("A window's background task failed", e);
                    }
                }),
                javafx.application.Platform::runLater);
    }

    /** Both on the calling thread: for ViewModel tests. */
    public static UiThreads direct() {
        return new UiThreads(Runnable::run, Runnable::run);
    }

    private static final class Holder {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UiThreads.class);
        static final ExecutorService IO = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ntfybar-ui-io");
            t.setDaemon(true);
            return t;
        });
    }
}
