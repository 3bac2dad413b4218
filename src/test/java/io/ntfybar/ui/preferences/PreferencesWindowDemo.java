package io.ntfybar.ui.preferences;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * Shows the Preferences window on a test core, paused for two hours, for screenshots and manual tries:
 * {@code java -cp ... io.ntfybar.ui.preferences.PreferencesWindowDemo [seconds] [broken]} on an X display.
 */
public final class PreferencesWindowDemo {
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("ntfybar-preferences-demo");
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 600;
        if (args.length > 1 && args[1].equals("broken")) {
            Files.createDirectories(home.resolve("config"));
            Files.writeString(home.resolve("config/settings.yml"), "min-priority: [oops\n");
        }
        try (TestCore t = TestCore.start(home)) {
            if (args.length <= 1) {
                long until = MuteDuration.HOURS_2.mutedUntil(ZonedDateTime.now());
                t.core.updateSettings(s -> s.withNotifications(s.notifications().withMutedUntil(until)));
            }
            FxTests.startToolkit();
            PreferencesWindow w = FxTests.onFx(() -> new PreferencesWindow(t.core, null, UiThreads.standard()));
            // Tall enough to show every section in the screenshot; the window scrolls when smaller.
            FxTests.onFx(() -> w.stage().setHeight(810));
            FxTests.onFx(w::show);
            Thread.sleep(500);
            FxTests.onFx(() -> w.stage().getScene().getRoot().requestFocus());
            Thread.sleep(seconds * 1000);
        }
        System.exit(0);
    }
}
