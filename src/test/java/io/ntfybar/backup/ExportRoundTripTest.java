package io.ntfybar.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.model.Action;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.Message;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.ConnectionAlertSettings;
import io.ntfybar.settings.NotificationSettings;
import io.ntfybar.settings.Retention;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export in the Android format, checked against the Android field list, and imported again into a fresh home. */
class ExportRoundTripTest {
    static final String A = "https://ntfy.example.com";
    static final String B = "https://private.example.com:8443";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A home with every kind of state: custom settings, two servers with logins and certificates, varied messages. */
    static void fill(TestState t, Path dir) throws Exception {
        Path ca = Files.writeString(
                dir.resolve("our-ca.pem"), TestCertificates.get().caPem());
        Path p12 = Files.copy(TestCertificates.get().clientP12(), dir.resolve("me.p12"));
        t.settingsFile.save(Settings.defaults()
                .withDefaultServer(A)
                .withMinPriority(3)
                .withAppearance("light")
                .withRetention(new Retention(14, 500))
                .withNotifications(new NotificationSettings(-1L, 9, true, Map.of(1, "default", 5, "none"), "10m"))
                .withConnectionAlert(ConnectionAlertSettings.NEVER.withAfterMinutes(60))
                .withServer(A, ServerSettings.defaults().withLogin("phil", false))
                .withServer(
                        B,
                        new ServerSettings(180, Map.of("X-Proxy-Key", "p1"), null, true, true, null, null)
                                .withCaCertificate(ca.toString())
                                .withClientCertificate(p12.toString())));
        t.keychain.save(new CredentialsRef(A, "phil"), "s3cret-phil");
        t.keychain.save(CredentialsRef.token(B), "tk_privatetoken0123456789abcdef");
        t.keychain.save(CredentialsRef.clientCertificate(B), TestCertificates.CLIENT_PASSWORD);
        Subscription alerts = t.subscriptions.add(new Subscription(
                0, A, "alerts", "Alerts 🚨", "https://ntfy.example.com/icon.png", 4, -1, -1, 100, true));
        Subscription quiet =
                t.subscriptions.add(new Subscription(0, A, "quiet", null, null, 0, 1767312000, 86400, 0, true));
        Subscription secure = t.subscriptions.add(Subscription.of(B, "secure"));
        t.messages.store(
                alerts.id(),
                List.of(
                        new Message(
                                "m1",
                                1767225600,
                                null,
                                "message",
                                "alerts",
                                "Disk full",
                                "Only **2%** left",
                                5,
                                List.of("warning", "nas-01"),
                                "https://nas.example.com",
                                "https://nas.example.com/i.png",
                                List.of(
                                        Action.view("Open", "https://nas.example.com", false),
                                        Action.http(
                                                "Clean",
                                                "https://nas.example.com/c",
                                                "PUT",
                                                Map.of("X-A", "b"),
                                                "{}",
                                                true),
                                        Action.copy("Copy", "nas-01", false)),
                                new Attachment("df.txt", "text/plain", 2048L, 1767312000L, "https://nas.example.com/f"),
                                null,
                                "text/markdown",
                                null,
                                null),
                        revision("m2", 1767225700, "Deploying"),
                        revision("m3", 1767225760, "Deployed ✅"),
                        new Message(
                                "m4",
                                1767225800,
                                null,
                                "message",
                                "alerts",
                                null,
                                "iVBORw0KGgo=",
                                1,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "base64",
                                null)),
                false);
        t.messages.store(quiet.id(), List.of(Message.simple("q1", 1767226000, "quiet", null, "Quiet one")), false);
        t.messages.store(secure.id(), List.of(Message.simple("s1", 1767226100, "secure", "Hi", "Über TLS")), false);
        List<StoredMessage> toHide = t.messages.page(quiet.id(), null, 1);
        t.messages.store(quiet.id(), List.of(Message.simple("q2", 1767226001, "quiet", null, "hidden")), false);
        t.messages.delete(List.of(t.messages.page(quiet.id(), null, 1).get(0).rowId()));
        assertEquals("q1", toHide.get(0).message().id());
    }

    private static Message revision(String id, long time, String text) {
        return new Message(
                id,
                time,
                null,
                "message",
                "alerts",
                "Deploy",
                text,
                3,
                List.of("rocket"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "deploy-42");
    }

    static Map<String, List<Message>> messagesOf(TestState t) {
        Map<String, List<Message>> out = new LinkedHashMap<>();
        for (Subscription s : t.subscriptions.all()) {
            out.put(
                    s.baseUrl() + "/" + s.topic(),
                    t.messages.page(s.id(), null, 100).stream()
                            .map(StoredMessage::message)
                            .toList());
        }
        return out;
    }

    static List<Subscription> subscriptionsOf(TestState t) {
        return t.subscriptions.all().stream()
                .map(s -> s.withId(0).withInitialFetchDone(false))
                .toList();
    }

    /** Settings with the certificate paths left out (each home keeps its own files); their contents are compared apart. */
    static Settings withoutPaths(Settings s) {
        Settings out = s;
        for (var e : s.servers().entrySet()) {
            out = out.withServer(
                    e.getKey(), e.getValue().withCaCertificate(null).withClientCertificate(null));
        }
        return out;
    }

    @Test
    void exportThenImportIntoAFreshHomeGivesTheSameSubscriptionsMessagesSettingsAndLogins() throws Exception {
        Path file = dir.resolve("out/ntfybar-backup.json");
        try (TestState source = new TestState(dir.resolve("source"))) {
            fill(source, dir);
            ExportReport out = Backups.exportFile(source.state, file, true, false);
            assertEquals(3, out.subscriptions(), out.text());
            assertEquals(5, out.messages(), "visible messages: the hidden one and the older revision stay home");
            assertEquals(2, out.logins());
            assertEquals(2, out.certificates());
            assertTrue(out.text().endsWith(ExportReport.CLEAR_TEXT_WARNING), out.text());
            try (TestState copy = new TestState(dir.resolve("copy"))) {
                ImportReport in = copy.importFile(file);
                assertEquals(List.of(), in.skipped(), in.text());
                assertEquals(subscriptionsOf(source), subscriptionsOf(copy));
                assertEquals(messagesOf(source), messagesOf(copy));
                Settings was = source.settings();
                Settings now = copy.settings();
                assertEquals(withoutPaths(was), withoutPaths(now));
                assertEquals(
                        CertificateFiles.parsePem(
                                Files.readString(Path.of(was.server(B).caCertificate()))),
                        CertificateFiles.parsePem(
                                Files.readString(Path.of(now.server(B).caCertificate()))));
                assertArrayEquals(
                        Files.readAllBytes(Path.of(was.server(B).clientCertificate())),
                        Files.readAllBytes(Path.of(now.server(B).clientCertificate())));
                for (CredentialsRef ref : List.of(
                        new CredentialsRef(A, "phil"), CredentialsRef.token(B), CredentialsRef.clientCertificate(B))) {
                    assertEquals(source.keychain.load(ref), copy.keychain.load(ref), ref.toString());
                }
            }
        }
    }

    @Test
    void theExportCarriesEveryFieldTheAndroidImporterReadsWithItsType() throws Exception {
        Path file = dir.resolve("backup.json");
        try (TestState source = new TestState(dir.resolve("source"))) {
            fill(source, dir);
            Backups.exportFile(source.state, file, false, false);
        }
        JsonNode root = JSON.readTree(file.toFile());
        assertEquals(List.of(), AndroidSchema.violations(root, true));
        assertEquals("ntfy2586", root.get("magic").asText());
        JsonNode alerts = root.get("subscriptions").get(0);
        assertEquals(1, alerts.get("mutedUntil").asLong(), "ntfybar's 'until resumed' is Android's 'forever'");
        assertEquals(0, alerts.get("autoDelete").asLong(), "ntfybar's 'keep' is Android's 'never delete'");
        JsonNode m1 = null;
        for (JsonNode n : root.get("notifications")) {
            if (n.get("id").asText().equals("m1")) {
                m1 = n;
            }
        }
        assertEquals(alerts.get("id").asLong(), m1.get("subscriptionId").asLong());
        assertEquals("warning,nas-01", m1.get("tags").asText());
        assertEquals("m1-1", m1.get("actions").get(0).get("id").asText(), "Android needs an id on every action");
        assertEquals(-1, m1.get("attachment").get("progress").asInt());
        assertEquals("", m1.get("encoding").asText());
        assertEquals("m4", alerts.get("lastNotificationId").asText(), "the newest message");
        assertEquals(1, root.get("settings").get("darkMode").asInt());
        assertEquals(
                10L * 1024 * 1024,
                root.get("settings").get("autoDownloadMaxSize").asLong());
        assertEquals(14L * 86400, root.get("settings").get("autoDeleteSeconds").asLong());
        assertEquals(3600, root.get("settings").get("connectionAlertSeconds").asLong());
    }

    @Test
    void theFieldListCatchesWhatTheAndroidAppWouldMisread() throws Exception {
        Path file = dir.resolve("backup.json");
        try (TestState source = new TestState(dir.resolve("source"))) {
            fill(source, dir);
            Backups.exportFile(source.state, file, false, false);
        }
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) root.get("notifications").get(0)).remove("title");
        ((ObjectNode) root.get("notifications").get(1)).putArray("tags").add("rocket");
        ((ObjectNode) root.get("subscriptions").get(0)).putNull("instant");
        ((ObjectNode) root.get("settings")).remove("recordLogs");
        assertEquals(
                List.of(
                        "$.settings.recordLogs: missing",
                        "$.subscriptions[0].instant: null, but Kotlin declares it non-null",
                        "$.notifications[0].title: missing",
                        "$.notifications[1].tags: array where Gson reads STRING"),
                AndroidSchema.violations(root, true));
    }

    @Test
    void theAndroidFixtureIsAFileTheAndroidAppCouldHaveWritten() throws Exception {
        Path file = Fixtures.write("android-backup.json", dir, Fixtures.androidValues(A, B));
        assertEquals(List.of(), AndroidSchema.violations(JSON.readTree(file.toFile()), false));
    }

    @Test
    void withoutPasswordsTheFileHoldsNoSecretAndSaysWhatWasLeftOut() throws Exception {
        Path file = dir.resolve("backup.json");
        ExportReport out;
        try (TestState source = new TestState(dir.resolve("source"))) {
            fill(source, dir);
            out = Backups.exportFile(source.state, file, false, false);
        }
        String text = Files.readString(file);
        assertFalse(text.contains("s3cret-phil"));
        assertFalse(text.contains("tk_private"));
        assertFalse(text.contains(TestCertificates.CLIENT_PASSWORD));
        JsonNode root = JSON.readTree(text);
        assertEquals("phil", root.get("users").get(0).get("username").asText());
        assertEquals("", root.get("users").get(0).get("password").asText());
        assertEquals(1, root.get("users").size(), "an access token is left out");
        assertEquals("", root.get("clientCertificates").get(0).get("password").asText());
        assertTrue(
                out.skipped()
                        .contains("access token@private.example.com:8443: an access token is a secret: it is"
                                + " exported only with passwords"),
                out.text());
        assertFalse(out.text().contains(ExportReport.CLEAR_TEXT_WARNING));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        try (TestState copy = new TestState(dir.resolve("copy"))) {
            ImportReport in = copy.importFile(file);
            assertTrue(
                    in.skipped()
                            .contains("login phil@ntfy.example.com: the file holds no password; log in again in"
                                    + " the app"),
                    in.text());
            assertTrue(
                    in.skipped()
                            .contains("client certificate for private.example.com:8443: the file holds no"
                                    + " password for it (exported without passwords)"),
                    in.text());
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws Exception {
        Path file = Files.writeString(dir.resolve("backup.json"), "mine");
        try (TestState t = new TestState(dir.resolve("home"))) {
            BackupException e =
                    assertThrows(BackupException.class, () -> Backups.exportFile(t.state, file, false, false));
            assertEquals(file + " already exists; choose another file or replace it (--force).", e.getMessage());
            assertEquals("mine", Files.readString(file));
            Backups.exportFile(t.state, file, false, true);
            assertEquals(List.of(), AndroidSchema.violations(JSON.readTree(file.toFile()), true));
        }
    }
}
