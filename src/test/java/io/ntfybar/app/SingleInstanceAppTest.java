package io.ntfybar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import io.ntfybar.testsupport.DesktopTests;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the app while it runs brings the running app's messages window forward and ends at once; command-line
 * commands run as usual beside the app.
 */
class SingleInstanceAppTest {
    @Test
    void aSecondStartShowsTheRunningAppsWindowAndCommandsStillRun(@TempDir Path home) throws Exception {
        DesktopTests.require(
                DesktopSession.onPath("Xvfb") && DesktopSession.onPath("trayer") && DesktopSession.onPath("xdotool"),
                "Xvfb, trayer and xdotool are needed");
        try (NtfyTestServer server = NtfyTestServer.start();
                DesktopSession desktop = DesktopSession.start(true)) {
            List<String> props = List.of("-Dntfybar.home=" + home, "-Dntfybar.startup-report=true");
            Process app = ChildJvm.start(Main.class, desktop.env(), props);
            try {
                ChildJvm.awaitLines(app, "startup tray");
                assertTrue(desktop.findWindow("Messages — ntfybar").isEmpty(), "only the tray is up");

                String second = ChildJvm.run(Main.class, desktop.env(), props);
                assertTrue(second.contains("already running"), second);
                DesktopSession.Geometry window = desktop.visibleWindow("Messages — ntfybar");
                assertTrue(window.width() > 300, "the running app's messages window came up: " + window);
                assertTrue(app.isAlive(), "the first app keeps running");

                String id = ChildJvm.run(
                                Main.class,
                                desktop.env(),
                                props,
                                "publish",
                                server.baseUrl() + "/beside",
                                "from the command line")
                        .strip();
                assertEquals(12, id.length(), "a command is not swallowed by the running app: " + id);
            } finally {
                app.destroy();
                assertTrue(app.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS));
            }
        }
    }
}
