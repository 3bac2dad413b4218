package io.ntfybar.ui.preferences;

import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.ScrollPane;

/**
 * The Preferences window scrolled to its Backup section, right after importing a small Android backup, with "Include
 * passwords" ticked: for {@code app/ScreenshotTour} and manual tries on an X display. Prints {@code ready} once it
 * shows; ends on a line {@code quit} on stdin (or after ten minutes).
 */
public final class PreferencesBackupDemo {
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("ntfybar-backup-demo");
        try (TestCore t = TestCore.start(home)) {
            String server = t.server.baseUrl();
            Path file = Files.writeString(
                    home.resolve("ntfy-backup-2026-03-01.json"),
                    """
                    {"magic":"ntfy2586","version":1,
                     "settings":{"minPriority":1,"darkMode":-1,"dynamicColors":true,"connectionProtocol":"ws"},
                     "subscriptions":[
                      {"id":11,"baseUrl":"%1$s","topic":"backups","instant":true,"dedicatedChannels":false,
                       "mutedUntil":0,"displayName":"Backups"},
                      {"id":12,"baseUrl":"%1$s","topic":"home","instant":false,"dedicatedChannels":false,"mutedUntil":0},
                      {"id":13,"baseUrl":"https://ntfy.sh","topic":"upK3x9Qw2","instant":true,"dedicatedChannels":false,
                       "mutedUntil":0,"upAppId":"im.molly.app"}],
                     "notifications":[
                      {"id":"n1","subscriptionId":11,"timestamp":1772300000,"title":"Nightly backup finished",
                       "message":"412 GB in 2 h 14 min.","contentType":"","encoding":"","priority":2,
                       "tags":"white_check_mark","click":"","deleted":false},
                      {"id":"n2","subscriptionId":12,"timestamp":1772300100,"title":"","message":"Front door opened",
                       "contentType":"","encoding":"","priority":4,"tags":"door","click":"","deleted":false},
                      {"id":"n3","subscriptionId":12,"timestamp":1772300200,"title":"","message":"deleted",
                       "contentType":"","encoding":"","priority":3,"tags":"","click":"","deleted":true}],
                     "users":[{"baseUrl":"%1$s","username":"phil","password":"s3cret"}]}
                    """
                            .formatted(server));
            FxTests.startToolkit();
            PreferencesWindow w = FxTests.onFx(() -> new PreferencesWindow(t.core, null, UiThreads.standard()));
            BackupViewModel backup = w.viewModel().backup();
            FxTests.onFx(() -> w.stage().setHeight(810));
            FxTests.onFx(w::show);
            FxTests.onFx(() -> backup.importFrom(file));
            Await.until(
                    "the import",
                    () -> FxTests.onFx(() -> !backup.busyProperty().get()));
            FxTests.onFx(() -> backup.includePasswords.set(true));
            Thread.sleep(500);
            FxTests.onFx(() -> ((ScrollPane) w.stage().getScene().lookup(".scroll-pane")).setVvalue(1));
            FxTests.onFx(() -> w.stage().getScene().getRoot().requestFocus());
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            String line;
            while (System.nanoTime() < end && (line = in.readLine()) != null && !line.equals("quit")) {
                // wait for quit
            }
        }
        System.exit(0);
    }
}
