package io.ntfybar.ui.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts JavaFX on first use and keeps it running: a tray app must not pay for JavaFX (about 130 MB and half a second)
 * until the user opens a window, and JavaFX cannot be started twice, so closing the last window must not end it
 * ({@code Platform.setImplicitExit(false)}).
 *
 * <p>Threading: {@link #run} may be called from any thread, the AWT event thread included; it never waits. The start
 * itself runs on a thread of its own ({@code ntfybar-fx-start}), never on the AWT event thread, so that neither toolkit
 * waits for the other (docs/architecture.md). Work queued before JavaFX is up runs in order once it is.
 */
public final class FxRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(FxRuntime.class);
    private static final Object LOCK = new Object();
    private static final List<Runnable> QUEUED = new ArrayList<>();
    private static boolean starting;
    private static boolean started;

    private FxRuntime() {}

    /** Runs {@code work} on the JavaFX application thread, starting JavaFX first if it is not running yet. */
    public static void run(Runnable work) {
        synchronized (LOCK) {
            if (started) {
                Platform.runLater(work);
                return;
            }
            QUEUED.add(work);
            if (starting) {
                return;
            }
            starting = true;
        }
        Thread t = new Thread(FxRuntime::start, "ntfybar-fx-start");
        t.setDaemon(true);
        t.start();
    }

    /** Whether JavaFX was started by this class (for the tray-only memory check and the tests). */
    public static boolean isStarted() {
        synchronized (LOCK) {
            return started;
        }
    }

    private static void start() {
        long t0 = System.nanoTime();
        try {
            Platform.startup(() -> {
                Platform.setImplicitExit(false);
                LOG.info("JavaFX started in {} ms", (System.nanoTime() - t0) / 1_000_000);
                drain();
            });
        } catch (IllegalStateException alreadyRunning) {
            // Started by someone else (a test harness): use it as it is.
            Platform.setImplicitExit(false);
            Platform.runLater(FxRuntime::drain);
        } catch (RuntimeException | Error e) {
            LOG.error("JavaFX could not start, so no window can open: {}", e.toString(), e);
            synchronized (LOCK) {
                starting = false;
                QUEUED.clear();
            }
        }
    }

    /** FX thread. */
    private static void drain() {
        List<Runnable> work;
        synchronized (LOCK) {
            started = true;
            work = List.copyOf(QUEUED);
            QUEUED.clear();
        }
        for (Runnable r : work) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("Opening a window failed", e);
            }
        }
    }
}
