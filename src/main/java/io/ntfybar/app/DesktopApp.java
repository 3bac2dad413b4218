package io.ntfybar.app;

import io.ntfybar.app.mac.MacActivation;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.notify.Notifier;
import io.ntfybar.notify.Notifiers;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.store.StoreException;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.EngineConfig;
import io.ntfybar.ui.CoreListener;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.fx.FxWindows;
import io.ntfybar.ui.tray.AwtTray;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the desktop app: the core (store, settings, keychain, connections, notifications), the AWT tray
 * and the JavaFX windows, which start only when one is first opened. Without a system tray the messages window opens
 * at once and closing it quits.
 *
 * <p>With {@code -Dntfybar.startup-report=true} it prints {@code startup tray <ms>} and {@code startup connected
 * <ms>} (since the JVM started) on stdout, for the start-up benchmark and the tray test.
 */
final class DesktopApp {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private DesktopApp() {}

    /** The running app's parts, for {@link #launch} and the screenshot tour. */
    record Running(DesktopCore core, FxWindows windows, Optional<AwtTray> tray) {}

    /** Runs the app until the user quits; returns the exit code. */
    static int launch(AppPaths paths) {
        SingleInstance instance;
        try {
            SingleInstance.Claim claim = SingleInstance.claim(paths.data(), Duration.ofSeconds(10));
            if (claim instanceof SingleInstance.Claim.AlreadyRunning) {
                System.out.println("ntfybar is already running; its messages window was brought forward.");
                return 0;
            }
            instance = ((SingleInstance.Claim.First) claim).instance();
        } catch (IOException e) {
            System.err.println("ntfybar: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch quit = new CountDownLatch(1);
        Running app;
        try (instance) {
            try {
                app = start(paths, quit::countDown);
            } catch (StoreException e) {
                System.err.println("ntfybar: " + e.getMessage());
                return 1;
            }
            instance.onShow(() -> app.windows().showMessages(0, 0));
            instance.listen();
            try {
                quit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            app.tray().ifPresent(AwtTray::close);
        }
        LOG.info("ntfybar quit");
        return 0;
    }

    /**
     * Opens the store, starts the connections and puts up the tray (or, without one, the messages window).
     *
     * @throws StoreException when the store cannot be opened (another ntfybar holds it, or it is damaged)
     */
    static Running start(AppPaths paths, Runnable onQuit) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        if (mac) {
            // Before AWT starts: a menu-bar app has no Dock icon, and its tray image is a template macOS tints.
            System.setProperty("apple.awt.UIElement", "true");
            System.setProperty("apple.awt.enableTemplateImages", "true");
        }
        boolean report = Boolean.getBoolean("ntfybar.startup-report");
        LOG.info("ntfybar starting; data in {}, logs in {}", paths.data(), paths.logs());
        // The keychain and the notifier each need a D-Bus round trip on Linux, AWT needs the X server: all three are
        // found on their own threads while the store opens on this one.
        CompletableFuture<Keychain> keychain = CompletableFuture.supplyAsync(Keychains::detect);
        CompletableFuture<Notifier> notifier = CompletableFuture.supplyAsync(() -> Notifiers.choose(System.err));
        CompletableFuture<Boolean> awt = CompletableFuture.supplyAsync(
                () -> !java.awt.GraphicsEnvironment.isHeadless() && java.awt.SystemTray.isSupported());
        DesktopCore core;
        try {
            core = DesktopCore.open(paths, keychain::join, notifier::join, EngineConfig.defaults(), onQuit);
        } catch (RuntimeException e) {
            notifier.thenAccept(Notifier::close);
            throw e;
        }
        awt.join();
        core.settingsProblem().ifPresent(p -> System.err.println("ntfybar: " + p));
        FxWindows windows = new FxWindows(core, UiThreads.standard(), mac ? MacActivation.system() : () -> {});
        core.addListener(windows);
        if (report) {
            reportConnected(core);
        }
        Optional<AwtTray> tray = AwtTray.install(core, windows, mac);
        if (tray.isPresent()) {
            if (report) {
                System.out.println("startup tray " + sinceJvmStart());
            }
        } else {
            String why = UiText.of(AwtTray.class).get("no-tray");
            System.err.println("ntfybar: " + why);
            LOG.warn(why);
            windows.quitWhenMessagesClose();
            windows.showMessages(0, 0);
        }
        return new Running(core, windows, tray);
    }

    /** Prints once when every server connection is up (or at once when there are none). */
    private static void reportConnected(DesktopCore core) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable check = () -> {
            int subs = core.subscriptions().all().size();
            boolean allUp = core.connections().stream().allMatch(r -> r.state() instanceof ConnectionState.Connected);
            boolean any = !core.connections().isEmpty();
            if ((subs == 0 || (any && allUp)) && done.compareAndSet(false, true)) {
                System.out.println("startup connected " + sinceJvmStart());
            }
        };
        core.addListener(new CoreListener() {
            @Override
            public void onConnection(ConnectionState.Report r) {
                check.run();
            }
        });
        check.run();
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
