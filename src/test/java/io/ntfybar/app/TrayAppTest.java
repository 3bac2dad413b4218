package io.ntfybar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.store.Database;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import io.ntfybar.testsupport.DesktopTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole app in a process of its own on a private X display with a tray host (trayer): the tray comes up without
 * JavaFX, its menu is opened with a real right click and driven with the keyboard as a user would (xdotool), the
 * "Messages…" item opens a JavaFX window (JavaFX starts only then), and "Quit" ends the process with exit code 0.
 */
class TrayAppTest {
    private static final List<String> FX_THREADS = List.of("JavaFX Application Thread", "QuantumRenderer");

    @Test
    void trayStartsWithoutJavaFxItsMenuOpensTheMessagesWindowAndQuitEndsTheApp(@TempDir Path home) throws Exception {
        DesktopTests.require(
                DesktopSession.onPath("Xvfb") && DesktopSession.onPath("trayer") && DesktopSession.onPath("xdotool"),
                "Xvfb, trayer and xdotool are needed");
        try (NtfyTestServer server = NtfyTestServer.start();
                DesktopSession desktop = DesktopSession.start(true)) {
            try (Database db = Database.open(home.resolve("data"))) {
                new SubscriptionStore(db).add(Subscription.of(server.baseUrl(), "alerts"));
            }
            server.publish("alerts", "Disk full on backup-01");
            Process app = ChildJvm.start(
                    Main.class, desktop.env(), List.of("-Dntfybar.home=" + home, "-Dntfybar.startup-report=true"));
            try {
                ChildJvm.awaitLines(app, "startup tray", "startup connected");
                DesktopSession.Geometry icon = desktop.awaitWindow("JavaEmbeddedFrame");
                String threads = threadDump(app);
                for (String fx : FX_THREADS) {
                    assertFalse(threads.contains(fx), "no JavaFX before a window opens, but found " + fx);
                }
                assertTrue(threads.contains("ntfybar-tray"), threads);

                // The menu: 1 recent message, 1 subscription, Pause, Subscribe…, Messages… is the fifth item.
                openMenu(desktop, icon);
                desktop.run("xdotool", "key", "Down", "Down", "Down", "Down", "Down", "Return");
                String window = desktop.awaitVisible("Messages — ntfybar");
                assertFalse(window.isEmpty());
                // Classed for docks and task bars as the menu entry says, not "java" like any Java program.
                String startupWmClass = Files.readAllLines(Path.of("packaging/linux/ntfybar.desktop")).stream()
                        .filter(l -> l.startsWith("StartupWMClass="))
                        .findFirst()
                        .orElseThrow()
                        .substring("StartupWMClass=".length());
                assertEquals(
                        "WM_CLASS(STRING) = \"" + startupWmClass + "\", \"" + startupWmClass + "\"",
                        desktop.run("xprop", "-id", window, "WM_CLASS").strip());
                String after = threadDump(app);
                assertTrue(after.contains("JavaFX Application Thread"), "JavaFX runs once a window is open");

                openMenu(desktop, icon);
                desktop.run("xdotool", "key", "Up", "Return");
                assertTrue(app.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS), "Quit ends the app");
                assertEquals(0, app.exitValue());
            } finally {
                app.destroyForcibly();
            }
        }
    }

    private static void openMenu(DesktopSession desktop, DesktopSession.Geometry icon) throws Exception {
        desktop.run("xdotool", "mousemove", "" + icon.centerX(), "" + icon.centerY(), "click", "3");
        desktop.awaitWindow("XPopupMenuPeer");
        // AWT maps the menu window first and grabs the keyboard for it after: keys typed in between would be lost.
        Await.until("the menu to take the keyboard", desktop::keyboardGrabbed);
    }

    private static String threadDump(Process p) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process j = new ProcessBuilder(jcmd.toString(), String.valueOf(p.pid()), "Thread.print")
                .redirectErrorStream(true)
                .start();
        String text = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(j.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertTrue(text.contains("ntfybar"), "a thread dump of the app: " + text);
        return text;
    }
}
