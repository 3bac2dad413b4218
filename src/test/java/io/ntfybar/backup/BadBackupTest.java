package io.ntfybar.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Settings;
import io.ntfybar.settings.SettingsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files that are not backups, and backups with bad parts: a clear report, and nothing already stored is lost. */
class BadBackupTest {
    static final String SERVER = "https://ntfy.example.com";

    @TempDir
    Path dir;

    @Test
    void aBackupWithBadPartsImportsTheRestAndSaysWhyEachPartWasSkipped() throws Exception {
        try (TestState t = new TestState(dir.resolve("home"))) {
            Path file = Fixtures.write(
                    "android-partial.json",
                    dir,
                    Map.of("CLIENT_P12", TestCertificates.get().clientP12Base64()));
            ImportReport r = t.importFile(file);
            List<String> skipped = r.skipped();
            String all = r.text();

            assertEquals(2, r.subscriptions(), all);
            assertEquals(3, r.messages(), all);
            assertEquals(1, r.logins(), all);
            assertEquals(0, r.certificates(), all);
            assertEquals(1, r.settings(), all);

            assertTrue(skipped.contains("subscription 2: it has no topic"), all);
            assertTrue(
                    skipped.contains("subscription ntfy.example.com/bad topic!: the topic 'bad topic!' contains ' ';"
                            + " a topic may only use letters, digits, '-' and '_'"),
                    all);
            assertTrue(
                    skipped.stream()
                            .anyMatch(s -> s.startsWith("subscription ftp://ntfy.example.com/ftp: the server"
                                    + " URL must start with http:// or https://")),
                    all);
            assertTrue(
                    skipped.contains("subscription ntfy.example.com/good: it appears twice in the file; the first"
                            + " one was imported"),
                    all);
            assertTrue(skipped.contains("subscription 6: not a JSON object"), all);
            assertTrue(skipped.contains("1 message: without an id"), all);
            assertTrue(skipped.contains("1 message: without a timestamp"), all);
            assertTrue(skipped.contains("1 message: an id, sequence id, URL or type longer than ntfy allows"), all);
            assertTrue(skipped.contains("2 messages: their subscription is not in the file, or was skipped"), all);
            assertTrue(r.notes().contains("1 message: their action buttons could not be read and were left out."), all);
            assertTrue(r.notes().contains("1 message: their attachment had no name or URL and was left out."), all);

            assertTrue(skipped.contains("setting minPriority: min-priority must be 1 to 5, not 9"), all);
            assertTrue(
                    skipped.stream().anyMatch(s -> s.startsWith("setting autoDownloadMaxSize: 12345 bytes is none")));
            assertTrue(skipped.contains("setting darkMode: 7 is not a theme ntfybar has"), all);
            assertTrue(
                    skipped.stream().anyMatch(s -> s.startsWith("setting defaultBaseUrl: the server URL must start")));
            assertEquals(1, t.settings().retention().keepDays(), "one day, the setting that was fine");

            assertTrue(
                    skipped.contains(
                            "login ann@ntfy.example.com: the file holds no password; log in again in the" + " app"),
                    all);
            assertTrue(
                    skipped.contains("login carl@ntfy.example.com: another login for this server was already taken"
                            + " from this file"),
                    all);
            assertTrue(skipped.contains("login 4: it has no server (baseUrl)"), all);
            assertEquals("bob", t.settings().server(SERVER).username());
            assertEquals(
                    "pw-bob", t.keychain.load(new CredentialsRef(SERVER, "bob")).orElseThrow());

            assertTrue(
                    skipped.stream()
                            .anyMatch(s -> s.startsWith(
                                    "trusted certificate 1 for ntfy.example.com: not a" + " usable certificate")),
                    all);
            assertTrue(
                    skipped.contains("trusted certificate 2 for other.example.com: not a usable certificate (no PEM"
                            + " certificate (-----BEGIN CERTIFICATE-----) in it)"),
                    all);
            assertTrue(
                    skipped.contains("client certificate for ntfy.example.com: it cannot be used: it is not a"
                            + " PKCS#12 file, or the password in the backup does not open it"),
                    all);
            assertTrue(skipped.contains("client certificate for other.example.com: p12Base64 is not Base64"), all);
            assertFalse(Files.exists(dir.resolve("home/config/certs")), "no certificate file for a skipped one");

            Subscription iconic = t.subscriptions.find(SERVER, "iconic").orElseThrow();
            assertEquals("https://ntfy.example.com/icon.png", iconic.iconUrl(), "an icon URL is kept");
            assertEquals(0, iconic.minPriority(), "12 is no priority: the global setting applies");
            var g5 = t
                    .messages
                    .page(t.subscriptions.find(SERVER, "good").orElseThrow().id(), null, 10)
                    .stream()
                    .map(m -> m.message())
                    .filter(m -> m.id().equals("g5"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(3, g5.priority(), "a priority that is not a number reads as ntfy's default");
            assertEquals(List.of(), g5.actions());
        }
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of(
                        "android-newer-version.json",
                        "The backup is of version 2, made by a newer ntfy app;"
                                + " ntfybar reads version 1. Nothing was imported."),
                Arguments.of(
                        "android-wrong-magic.json",
                        "It is not an ntfy backup: its magic is \"ntfy1234\" where"
                                + " ntfy's Android app writes \"ntfy2586\"."),
                Arguments.of("android-truncated.json", "android-truncated.json is not valid JSON (line 5, column"),
                Arguments.of(
                        "client-without-subscribe.yml",
                        "client-without-subscribe.yml has no subscribe: entries," + " so there is nothing to import"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aFileThatIsNoBackupIsRefusedWholeAndChangesNothing(String name, String sentence) throws Exception {
        Path file = Fixtures.write(name, dir, Map.of());
        assertRefused(file, sentence);
    }

    @Test
    void emptyBinaryFolderMissingAndOtherTextAreRefusedWithASentence() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertRefused(empty, "empty.json is empty.");
        Path binary = Files.write(dir.resolve("backup.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0});
        assertRefused(binary, "backup.json is not a text file (UTF-8)");
        assertRefused(dir, " is a folder, not a file.");
        assertRefused(dir.resolve("nowhere.json"), "nowhere.json does not exist.");
        Path words = Files.writeString(dir.resolve("notes.txt"), "just some words", StandardCharsets.UTF_8);
        assertRefused(words, "notes.txt is neither a backup of ntfy's Android app (JSON) nor ntfy's client.yml");
        Path array = Files.writeString(dir.resolve("list.json"), "[{\"magic\":\"ntfy2586\"}]");
        assertRefused(array, "list.json is neither a backup of ntfy's Android app (JSON) nor ntfy's client.yml");
        Path noMagic = Files.writeString(dir.resolve("other.json"), "{\"version\": 1}");
        assertRefused(noMagic, "other.json: It is not an ntfy backup: it has no \"magic\" field");
    }

    private void assertRefused(Path file, String sentence) throws Exception {
        try (TestState t = new TestState(dir.resolve("home"))) {
            Subscription kept = t.subscriptions.add(Subscription.of(SERVER, "kept"));
            BackupException e = assertThrows(BackupException.class, () -> t.importFile(file));
            assertTrue(e.getMessage().contains(sentence), e.getMessage());
            assertEquals(List.of(kept), t.subscriptions.all());
            assertFalse(Files.exists(t.settingsFile.path()));
            assertFalse(Files.exists(dir.resolve("home/config/certs")));
        }
    }

    @Test
    void whenTheSettingsCannotBeSavedNoSecretOrCertificateFileIsLeftBehind() throws Exception {
        try (TestState t = new TestState(dir.resolve("home"))) {
            LocalState broken = new LocalState(
                    t.state.configFolder(),
                    t.subscriptions,
                    t.messages,
                    t.keychain,
                    Settings::defaults,
                    change -> {
                        throw new SettingsException("Cannot save the settings file: disk full", null);
                    },
                    true);
            Path file = Fixtures.write(
                    "android-backup.json",
                    dir.resolve("in"),
                    Fixtures.androidValues(SERVER, "https://secure.example.com"));
            ImportReport r = Backups.importFile(broken, file);
            assertEquals(0, r.logins(), r.text());
            assertEquals(0, r.certificates(), r.text());
            assertEquals(0, r.settings(), r.text());
            assertTrue(
                    r.skipped()
                            .contains("login phil@ntfy.example.com: the settings could not be saved (Cannot save the"
                                    + " settings file: disk full)"),
                    r.text());
            assertTrue(t.keychain.load(new CredentialsRef(SERVER, "phil")).isEmpty(), "the password was taken back");
            assertTrue(t.keychain
                    .load(CredentialsRef.clientCertificate("https://secure.example.com"))
                    .isEmpty());
            try (Stream<Path> certs = Files.list(dir.resolve("home/config/certs"))) {
                assertEquals(List.of(), certs.toList(), "the written certificate files were removed");
            }
            assertEquals(3, r.subscriptions(), "subscriptions live in the store and still came in");
        }
    }

    @Test
    void aSubscriptionWhoseMessagesCannotBeStoredIsTakenOutAgainWhole() throws Exception {
        String huge = "x".repeat(1_000_001); // longer than the store's text column
        String json = "{\"magic\":\"ntfy2586\",\"version\":1,\"subscriptions\":["
                + "{\"id\":1,\"baseUrl\":\"" + SERVER + "\",\"topic\":\"broken\",\"instant\":true,"
                + "\"dedicatedChannels\":false,\"mutedUntil\":0},"
                + "{\"id\":2,\"baseUrl\":\"" + SERVER + "\",\"topic\":\"fine\",\"instant\":true,"
                + "\"dedicatedChannels\":false,\"mutedUntil\":0}],\"notifications\":["
                + "{\"id\":\"m1\",\"subscriptionId\":1,\"timestamp\":1,\"title\":\"\",\"message\":\"ok\","
                + "\"contentType\":\"\",\"encoding\":\"\",\"priority\":3,\"tags\":\"\",\"click\":\"\",\"deleted\":false},"
                + "{\"id\":\"m2\",\"subscriptionId\":1,\"timestamp\":2,\"title\":\"" + huge + "\",\"message\":\"big\","
                + "\"contentType\":\"\",\"encoding\":\"\",\"priority\":3,\"tags\":\"\",\"click\":\"\",\"deleted\":false},"
                + "{\"id\":\"m3\",\"subscriptionId\":2,\"timestamp\":3,\"title\":\"\",\"message\":\"fine\","
                + "\"contentType\":\"\",\"encoding\":\"\",\"priority\":3,\"tags\":\"\",\"click\":\"\",\"deleted\":false}]}";
        Path file = Files.writeString(dir.resolve("big.json"), json);
        try (TestState t = new TestState(dir.resolve("home"))) {
            ImportReport r = t.importFile(file);
            assertTrue(t.subscriptions.find(SERVER, "broken").isEmpty(), "no half subscription: " + r.text());
            assertTrue(
                    r.skipped().stream()
                            .anyMatch(
                                    s -> s.startsWith("subscription ntfy.example.com/broken: its messages could not be"
                                                    + " stored (")
                                            && s.endsWith("); nothing of it was imported")),
                    r.text());
            Subscription fine = t.subscriptions.find(SERVER, "fine").orElseThrow();
            assertEquals(1, t.messages.page(fine.id(), null, 10).size());
            assertEquals(1, r.subscriptions());
            assertEquals(1, r.messages());
        }
    }

    @Test
    void withoutAKeychainThatOutlivesTheProcessSecretsAreSkippedNotHalfSaved() throws Exception {
        try (TestState t = new TestState(
                dir.resolve("home"), io.ntfybar.credentials.Keychains.sessionOnly("no keyring here"), false)) {
            Path file = Fixtures.write(
                    "android-backup.json",
                    dir.resolve("in"),
                    Fixtures.androidValues(SERVER, "https://secure.example.com"));
            ImportReport r = t.importFile(file);
            assertTrue(
                    r.skipped()
                            .contains("login phil@ntfy.example.com: its secret would be kept in memory only, until"
                                    + " ntfybar quits (no keychain available: no keyring here); import the file in the app, or"
                                    + " where an OS keychain runs"),
                    r.text());
            assertTrue(r.skipped().stream()
                    .anyMatch(s -> s.startsWith("client certificate for secure.example.com: its"
                            + " secret would be kept in memory only")));
            assertEquals(null, t.settings().server(SERVER).username(), "no login named without its password");
            assertEquals(1, r.certificates(), "the trusted CA needs no secret");
        }
    }
}
