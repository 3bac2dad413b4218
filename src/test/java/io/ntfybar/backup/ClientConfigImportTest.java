package io.ntfybar.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ntfy's client.yml imported: subscriptions and logins go in; what only ntfy's CLI can use is reported. */
class ClientConfigImportTest {
    static final String HOME = "https://home.example.com";
    static final String OTHER = "https://ntfy.example.com";

    @TempDir
    Path dir;

    @Test
    void everySubscribeEntryBecomesASubscriptionWithItsLogin() throws Exception {
        try (TestState t = new TestState(dir.resolve("home"))) {
            ImportReport r = t.importFile(Fixtures.write("client.yml", dir, Map.of("SERVER", HOME)));
            String all = r.text();

            assertEquals(
                    List.of(HOME + "/alerts", HOME + "/backups", OTHER + "/builds", OTHER + "/deploys"),
                    t.subscriptions.all().stream()
                            .map(s -> s.baseUrl() + "/" + s.topic())
                            .toList(),
                    all);
            assertEquals(4, r.subscriptions(), all);
            assertEquals(2, r.logins(), all);
            assertTrue(all.startsWith("Imported from ntfy's client.yml: 4 subscriptions, 0 messages, 2 logins,"), all);

            Settings s = t.settings();
            assertEquals("phil", s.server(HOME).username(), "default-user is the default host's login");
            assertEquals(
                    "s3cret-phil",
                    t.keychain.load(new CredentialsRef(HOME, "phil")).orElseThrow());
            assertTrue(s.server(OTHER).token());
            assertEquals(
                    "tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2",
                    t.keychain.load(CredentialsRef.token(OTHER)).orElseThrow());
            assertTrue(Files.readString(t.settingsFile.path()).indexOf("tk_") < 0, "no token in settings.yml");

            List<String> skipped = r.skipped();
            assertTrue(
                    skipped.contains("default-command: the app shows notifications and runs no command for a message"));
            assertTrue(
                    skipped.contains("subscription home.example.com/alerts: it appears twice in the file; the first"
                            + " one was imported"),
                    all);
            assertTrue(
                    skipped.contains("login ann@ntfy.example.com: another login for this server was already taken"
                            + " from this file"),
                    all);
            assertTrue(
                    skipped.contains("command of home.example.com/backups: the app shows notifications and runs no"
                            + " command for a message (ntfy's CLI does)"),
                    all);
            assertTrue(
                    skipped.contains("filter priority: high,urgent, tags: zfs of home.example.com/backups: the app"
                            + " keeps every message of a subscription; set a minimum priority in its settings to be notified"
                            + " of fewer"),
                    all);
            assertTrue(
                    skipped.contains("subscribe entry 6 (alerts/backups): \"alerts/backups\" is not a topic: a topic"
                            + " name cannot contain '/'"),
                    all);
            assertTrue(skipped.contains("subscribe entry 7: it has no topic"), all);
        }
    }

    @Test
    void withoutDefaultHostBareTopicsAreOnNtfybarsDefaultServerAndTheDefaultLoginStaysWithNtfySh() throws Exception {
        try (TestState t = new TestState(dir.resolve("home"))) {
            t.settingsFile.save(Settings.defaults().withDefaultServer("https://mine.example.com"));
            Subscription existing = t.subscriptions.add(
                    Subscription.of("https://mine.example.com", "kept").withDisplayName("Kept as it is"));
            Path yml = Files.writeString(
                    dir.resolve("client.yml"),
                    "default-user: phil\ndefault-password: pw\nsubscribe:\n  - topic: news\n  - topic: kept\n"
                            + "  - topic: ntfy.sh/public\n");
            ImportReport r = t.importFile(yml);
            assertTrue(t.subscriptions.find("https://mine.example.com", "news").isPresent(), r.text());
            assertTrue(t.subscriptions.find("https://ntfy.sh", "public").isPresent(), r.text());
            assertEquals(
                    existing,
                    t.subscriptions.find("https://mine.example.com", "kept").orElseThrow());
            assertTrue(
                    r.skipped()
                            .contains("subscription mine.example.com/kept: already subscribed; it keeps its own"
                                    + " settings"),
                    r.text());
            assertNull(t.settings().server("https://mine.example.com").username(), "never sent to another server");
            assertEquals("phil", t.settings().server("https://ntfy.sh").username(), "ntfy's default host is ntfy.sh");
        }
    }
}
