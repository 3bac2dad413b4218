package io.ntfybar.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The private desktop the later notification, tray and window tests stand on. */
class DesktopSessionTest {
    @Test
    void notificationDaemonShowsANotificationAndRunsTheChosenAction() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(false)) {
            assertTrue(desktop.run("xdpyinfo").contains("dimensions:    1280x1024"), "Xvfb screen is up");
            assertTrue(desktop.run(
                            "dbus-send",
                            "--session",
                            "--print-reply",
                            "--dest=org.freedesktop.Notifications",
                            "/org/freedesktop/Notifications",
                            "org.freedesktop.Notifications.GetServerInformation")
                    .contains("dunst"));

            Files.writeString(desktop.pickFile(), "second");
            // notify-send -w waits for the action and prints its key, as our own notifier will receive it.
            ProcessBuilder pb = new ProcessBuilder(
                    "notify-send",
                    "-w",
                    "-a",
                    "ntfybar-test",
                    "-u",
                    "critical",
                    "-A",
                    "first=First",
                    "-A",
                    "second=Second",
                    "Backup failed",
                    "disk full");
            pb.environment().putAll(desktop.env());
            Process sender = pb.start();
            String logged = Await.value(
                    "dunst to log the notification",
                    () -> Files.exists(desktop.notificationLog()) ? Files.readString(desktop.notificationLog()) : "",
                    l -> l.endsWith("\n"));
            assertEquals("ntfybar-test|Backup failed|disk full|CRITICAL", logged.strip());
            desktop.run("dunstctl", "context");
            assertTrue(
                    sender.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS),
                    "the action reached the sender");
            assertEquals("second", new String(sender.getInputStream().readAllBytes()).strip());
        }
    }

    @Test
    void trayHostMakesASystemTrayAvailable() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(true)) {
            assertTrue(desktop.run("xwininfo", "-root", "-tree").contains("panel"));
        }
    }
}
