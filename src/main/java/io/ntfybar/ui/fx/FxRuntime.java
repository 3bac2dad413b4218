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

    /** The X11 WM_CLASS of ntfybar's windows, name and class alike. */
    public static final String WINDOW_CLASS = "ntfybar";

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
                nameWindowClass();
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

    /**
     * FX thread, before the first window. On Linux, JavaFX classes every window by its application's name, which is
     * "java" when started through {@code Platform.startup} rather than an {@code Application} subclass; as "ntfybar"
     * docks and task bars tie the windows to the menu entry ({@code StartupWMClass} in packaging/linux/ntfybar.desktop)
     * and show its name and icon. No public API sets it: the installed app's launcher exports the package
     * (packaging/jpackage.sh); where that fails the windows keep "java" and nothing else changes.
     */
    private static void nameWindowClass() {
        if (!"Linux".equals(System.getProperty("os.name"))) {
            return;
        }
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            glass.getMethod("setName", String.class).invoke(glassApplication(glass), WINDOW_CLASS);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("Windows keep JavaFX's class name \"java\": {}", e.toString());
        }
    }

    private static Object glassApplication(Class<?> glass) throws ReflectiveOperationException {
        return glass.getMethod("GetApplication").invoke(null);
    }

    /**
     * FX thread: the name JavaFX classes new windows by (for the installed app's smoke test), or a sentence saying why
     * it cannot be read.
     */
    public static String windowClassName() {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            return String.valueOf(glass.getMethod("getName").invoke(glassApplication(glass)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unreadable (" + e + ")";
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
