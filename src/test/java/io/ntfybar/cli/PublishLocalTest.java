package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.app.Main;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish --local} in its own process on a private desktop: the message becomes a dunst notification through
 * ntfybar's notifier, with no server involved (the topic names a server that does not exist).
 */
class PublishLocalTest {
    @TempDir
    Path home;

    @Test
    void localShowsADesktopNotificationWithoutAnyServer() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(false)) {
            String out = ChildJvm.run(
                    Main.class,
                    desktop.env(),
                    List.of("-Dntfybar.home=" + home),
                    "publish",
                    "--local",
                    "-t",
                    "Build :tada:",
                    "-p",
                    "5",
                    "--tags",
                    "rocket",
                    "https://no-such-host.invalid/builds",
                    "All tests passed");
            assertEquals("", out.strip(), "nothing published, so no id");
            Path log = desktop.notificationLog();
            List<String> shown = Await.value(
                    "a notification shown",
                    () -> Files.exists(log) ? Files.readAllLines(log) : List.<String>of(),
                    l -> !l.isEmpty());
            assertEquals(1, shown.size(), "one notification: " + shown);
            assertTrue(shown.get(0).startsWith("ntfybar|🚀 Build 🎉|builds\\nAll tests passed|"), shown.get(0));
            assertTrue(shown.get(0).endsWith("|CRITICAL"), "priority 5 is critical urgency: " + shown.get(0));
        }
    }
}
