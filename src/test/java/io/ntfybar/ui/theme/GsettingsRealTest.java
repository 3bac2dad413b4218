package io.ntfybar.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.DesktopSession;
import io.ntfybar.testsupport.DesktopTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The GNOME fallback against the real gsettings, on a keyfile store of the test's own (never the user's). */
@EnabledOnOs(value = OS.LINUX, disabledReason = "gsettings is the Linux fallback")
class GsettingsRealTest {
    @TempDir
    Path home;

    @Test
    void readsAndWatchesTheColorSchemeThroughRealGsettings() throws Exception {
        DesktopTests.require(DesktopSession.onPath("gsettings"), "gsettings is not installed");
        Map<String, String> env = Map.of("GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", home.toString());
        CommandRunner runner = new ProcessCommandRunner(Await.DEFAULT_DEADLINE, env);
        GtkTheme theme = new GtkTheme(runner, null, Duration.ofMillis(100));
        assertFalse(theme.isDark(), "GNOME's default scheme is light");

        CountDownLatch changed = new CountDownLatch(1);
        theme.watch(changed::countDown);
        try {
            set(runner, "color-scheme", "prefer-dark");
            assertTrue(Files.exists(home.resolve("glib-2.0/settings/keyfile")), "wrote the test's own store");
            Await.until("the poller to notice the switch", () -> changed.getCount() == 0);
            assertTrue(theme.isDark());
        } finally {
            // A gsettings the poller started must not write into the folder while JUnit deletes it.
            theme.stopWatching();
        }

        // Before GNOME 42 people chose a dark theme by name; "default" defers to it.
        set(runner, "color-scheme", "default");
        set(runner, "gtk-theme", "Adwaita-dark");
        assertTrue(theme.isDark());
        set(runner, "gtk-theme", "Adwaita");
        assertFalse(theme.isDark());
    }

    private static void set(CommandRunner runner, String key, String value) {
        CommandRunner.Result r = runner.run(List.of("gsettings", "set", "org.gnome.desktop.interface", key, value))
                .orElseThrow();
        assertEquals(0, r.exitCode(), "gsettings set " + key);
    }
}
