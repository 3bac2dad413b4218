package io.ntfybar.app;

import io.ntfybar.app.logging.LogSetup;
import io.ntfybar.cli.NtfybarCommand;
import io.ntfybar.net.Proxies;
import io.ntfybar.settings.AppPaths;

/**
 * Entry point of the jar and of the installed launcher. With no arguments it starts the desktop app; with any
 * argument it runs the command line. Deliberately not a JavaFX {@code Application} subclass: the tray and the CLI
 * must work without starting JavaFX, and a non-Application main class lets JavaFX load from the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Before any networking class reads it: the JDK then follows the desktop's proxy setting.
        Proxies.useSystemSettings();
        // Packaging smoke test (SmokeTest): first, in a throwaway home, whatever else runs or is stored.
        if (SmokeTest.wanted(args)) {
            System.exit(SmokeTest.run(args));
        }
        AppPaths paths = AppPaths.current();
        boolean desktop = args.length == 0;
        // The CLI keeps stderr for warnings and errors; the app logs more there, since nobody reads its stderr anyway
        // unless debugging.
        LogSetup.init(paths.logs(), desktop ? "INFO" : "WARN");
        // Right after the log setup, so that a thread that dies from here on says so in the log.
        UncaughtErrors.install();
        int code = desktop ? DesktopApp.launch(paths) : NtfybarCommand.run(args);
        // Also for the app: AWT's and JavaFX's threads would keep the JVM alive after Quit.
        System.exit(code);
    }
}
