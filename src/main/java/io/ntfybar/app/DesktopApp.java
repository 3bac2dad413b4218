package io.ntfybar.app;

import io.ntfybar.settings.AppPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the desktop app. The tray, message store, subscriptions and windows are wired here as they are
 * built (issues 3 to 5); until then the app says so plainly instead of pretending.
 */
final class DesktopApp {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private DesktopApp() {}

    /** Runs the app on the calling thread until it quits; returns the exit code. */
    static int launch(AppPaths paths) {
        LOG.info("ntfybar starting; data in {}, logs in {}", paths.data(), paths.logs());
        System.err.println("ntfybar: the desktop app (tray, subscriptions, windows) is not part of this build yet."
                + " The command line works: run 'ntfybar --help'.");
        return 3;
    }
}
