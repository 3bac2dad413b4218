package io.ntfybar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void noFileMeansDefaults() {
        Settings s = new SettingsFile(dir).load();
        assertEquals("https://ntfy.sh", s.defaultServer());
        assertEquals(1, s.minPriority());
    }

    @Test
    void savedSettingsReadBack() throws Exception {
        SettingsFile f = new SettingsFile(dir);
        Settings s = Settings.defaults()
                .withServer(
                        "https://ntfy.example.com/",
                        new ServerSettings(
                                120, Map.of("X-Proxy", "yes"), "phil", false, true, "/etc/ssl/my-ca.pem", null));
        f.save(s);
        assertEquals(s, f.load());
        String yaml = Files.readString(f.path());
        assertTrue(yaml.contains("https://ntfy.example.com:"), yaml);
        assertTrue(yaml.contains("keepalive-seconds: 120"), yaml);
    }

    @Test
    void handWrittenFileWithUnknownKeysLoads() throws Exception {
        Files.writeString(
                dir.resolve(SettingsFile.NAME),
                """
                default-server: https://push.example.org/
                min-priority: 3
                some-future-option: true
                servers:
                  https://push.example.org:
                    token: true
                """);
        Settings s = new SettingsFile(dir).load();
        assertEquals("https://push.example.org", s.defaultServer());
        assertEquals(3, s.minPriority());
        assertTrue(s.server("https://push.example.org").token());
    }

    @Test
    void aBrokenFileIsReportedWithItsLineAndKeptAsideOnTheNextSave() throws Exception {
        Path file = dir.resolve(SettingsFile.NAME);
        String broken = "default-server: https://ntfy.sh\nservers: [unclosed\n";
        Files.writeString(file, broken);
        SettingsFile f = new SettingsFile(dir);
        SettingsException e = assertThrows(SettingsException.class, f::load);
        assertTrue(e.getMessage().contains("line"), e.getMessage());
        assertEquals(broken, Files.readString(file), "loading never changes the file");
        f.save(Settings.defaults());
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("settings.yml.broken-"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(broken, Files.readString(aside));
        }
        assertEquals(Settings.defaults(), f.load());
    }

    @Test
    void anOutOfRangeValueIsAClearError() throws Exception {
        Files.writeString(dir.resolve(SettingsFile.NAME), "min-priority: 9\n");
        SettingsException e = assertThrows(SettingsException.class, () -> new SettingsFile(dir).load());
        assertTrue(e.getMessage().contains("min-priority must be 1 to 5"), e.getMessage());
    }

    @Test
    void retentionDefaultsToAMonthAndTakesWhatIsWritten() throws Exception {
        assertEquals(new Retention(30, 0), new SettingsFile(dir).load().retention());
        Files.writeString(dir.resolve(SettingsFile.NAME), "retention:\n  keep-messages: 500\n");
        assertEquals(new Retention(30, 500), new SettingsFile(dir).load().retention());
        Files.writeString(dir.resolve(SettingsFile.NAME), "retention:\n  keep-days: -2\n");
        SettingsException e = assertThrows(SettingsException.class, () -> new SettingsFile(dir).load());
        assertTrue(e.getMessage().contains("keep-days must be 0 (forever) or more"), e.getMessage());
    }

    @Test
    void notificationSettingsReadBackAndBadOnesAreClearErrors() throws Exception {
        NotificationSettings defaults = new SettingsFile(dir).load().notifications();
        assertEquals(5, defaults.catchUpSummary());
        assertEquals(null, defaults.soundFor(2));
        assertEquals("default", defaults.soundFor(3));
        Files.writeString(
                dir.resolve(SettingsFile.NAME),
                "notifications:\n  muted-until: -1\n  insistent: true\n  sounds: {1: bell, 5: none}\n"
                        + "  auto-download: 5m\n  catch-up-summary: 10\n");
        NotificationSettings n = new SettingsFile(dir).load().notifications();
        assertTrue(n.isMuted(Long.MAX_VALUE - 1));
        assertTrue(n.insistent());
        assertEquals("bell", n.soundFor(1));
        assertEquals(null, n.soundFor(5));
        assertEquals("5m", n.autoDownload());
        assertEquals(10, n.catchUpSummary());
        new SettingsFile(dir).save(new SettingsFile(dir).load().withNotifications(n.withMutedUntil(0)));
        assertEquals(n.withMutedUntil(0), new SettingsFile(dir).load().notifications());
        Files.writeString(dir.resolve(SettingsFile.NAME), "notifications:\n  sounds: {7: bell}\n");
        SettingsException e = assertThrows(SettingsException.class, () -> new SettingsFile(dir).load());
        assertTrue(e.getMessage().contains("priorities are 1 to 5"), e.getMessage());
    }

    @Test
    void credentialsAreRefusedAsHeaders() throws Exception {
        Files.writeString(
                dir.resolve(SettingsFile.NAME),
                """
                servers:
                  https://ntfy.sh:
                    headers:
                      Authorization: Basic cGhpbDpwaGls
                """);
        SettingsException e = assertThrows(SettingsException.class, () -> new SettingsFile(dir).load());
        assertTrue(e.getMessage().contains("keychain"), e.getMessage());
        assertFalse(e.getMessage().contains("cGhpbDpwaGls"), e.getMessage());
    }
}
