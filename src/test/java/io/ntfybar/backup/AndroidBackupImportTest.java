package io.ntfybar.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.model.Action;
import io.ntfybar.model.Message;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Android backup, written from the app's own backup code, imported into a real store, settings and keychain. */
class AndroidBackupImportTest {
    static final String SERVER = "https://ntfy.example.com";
    static final String TLS = "https://secure.example.com:8443";

    @TempDir
    Path dir;

    private Path fixture() throws Exception {
        return Fixtures.write("android-backup.json", dir.resolve("in"), Fixtures.androidValues(SERVER, TLS));
    }

    static Subscription sub(TestState t, String base, String topic) {
        return t.subscriptions.find(base, topic).orElseThrow(() -> new AssertionError("no subscription " + topic));
    }

    static List<Message> visible(TestState t, Subscription s) {
        return t.messages.page(s.id(), null, 100).stream()
                .map(StoredMessage::message)
                .toList();
    }

    @Test
    void everyPartOfTheBackupLandsInStoreSettingsKeychainAndCertsFolder() throws Exception {
        try (TestState t = new TestState(dir.resolve("home"))) {
            ImportReport r = t.importFile(fixture());

            assertEquals(3, r.subscriptions(), r.text());
            assertEquals(5, r.messages(), r.text());
            assertEquals(1, r.logins(), r.text());
            assertEquals(2, r.certificates(), r.text());
            assertEquals(7, r.settings(), r.text());
            assertTrue(
                    r.text()
                            .startsWith("Imported from an ntfy Android backup: 3 subscriptions, 5 messages, 1 login,"
                                    + " 2 certificates and 7 settings."),
                    r.text());

            Subscription alerts = sub(t, SERVER, "alerts");
            assertEquals("Server alerts", alerts.displayName());
            assertEquals(0, alerts.minPriority());
            assertEquals(0, alerts.mutedUntil());
            assertEquals(0, alerts.autoDeleteSeconds(), "Android's -1 (use global) is ntfybar's 0");
            assertFalse(alerts.initialFetchDone(), "the server's cache is fetched once, without notifications");
            Subscription backups = sub(t, SERVER, "backups");
            assertEquals(Subscription.MUTED_UNTIL_RESUMED, backups.mutedUntil(), "Android's 1 is 'forever'");
            assertEquals(4, backups.minPriority());
            assertEquals(Subscription.NO_LIMIT, backups.autoDeleteSeconds(), "Android's 0 is 'never delete'");
            assertNull(backups.iconUrl(), "a content:// icon is a file on the phone");
            Subscription secure = sub(t, TLS, "secure");
            assertEquals(1767312000L, secure.mutedUntil());
            assertEquals(86400, secure.autoDeleteSeconds());
            assertEquals("Behind our own CA", secure.displayName());
            assertEquals(3, t.subscriptions.all().size(), "the UnifiedPush subscription is not imported");

            List<Message> ms = visible(t, alerts);
            assertEquals(
                    List.of("a4Binary0001", "a3Deploy0002", "a1Disk000001"),
                    ms.stream().map(Message::id).toList(),
                    "newest first; the older revision of deploy-42 is hidden, the deleted one absent");
            Message disk = ms.get(2);
            assertEquals("Disk almost full", disk.title());
            assertEquals("Only **2%** left on `/srv`", disk.message());
            assertEquals(1767225600L, disk.time());
            assertEquals(5, disk.priority());
            assertEquals(List.of("warning", "skull", "nas-01"), disk.tags());
            assertEquals("https://nas.example.com/disks", disk.click());
            assertEquals("https://nas.example.com/icon.png", disk.icon());
            assertTrue(disk.isMarkdown());
            assertNull(disk.encoding());
            assertNull(disk.sequenceId(), "a sequence id equal to the id is no sequence");
            assertEquals("alerts", disk.topic());
            assertEquals(4, disk.actions().size());
            Action http = disk.actions().get(1);
            assertEquals("act2", http.id());
            assertEquals("http", http.action());
            assertEquals("PUT", http.method());
            assertEquals(Map.of("X-Token", "abc"), http.headers());
            assertEquals("{\"all\":true}", http.body());
            assertTrue(http.clear());
            assertEquals("io.heckel.ntfy.USER_ACTION", disk.actions().get(2).intent());
            assertEquals(Map.of("cmd", "clean"), disk.actions().get(2).extras());
            assertEquals("nas-01", disk.actions().get(3).value());
            assertEquals("df.txt", disk.attachment().name());
            assertEquals("text/plain", disk.attachment().type());
            assertEquals(2048L, disk.attachment().size());
            assertEquals(1767312000L, disk.attachment().expires());
            assertEquals(
                    "https://nas.example.com/file/df.txt", disk.attachment().url());
            Message deployed = ms.get(1);
            assertEquals("deploy-42", deployed.sequenceId());
            assertEquals("Deployed 42 ✅", deployed.message());
            assertEquals(List.of("rocket"), deployed.tags());
            assertTrue(ms.get(0).isBinary());
            assertEquals("412 GB in 2 h 14 min.", visible(t, backups).get(0).message());
            assertEquals(Map.of(), t.messages.unreadCounts(), "restored history counts as read, as on Android");
            assertTrue(t.messages.undispatched().isEmpty(), "history raises no notification");
            assertTrue(
                    r.skipped().contains("1 message: deleted on the phone"),
                    r.skipped().toString());
            assertTrue(
                    r.skipped().contains("2 messages: their subscription is not in the file, or was skipped"),
                    r.skipped().toString());
            assertTrue(
                    r.skipped().stream()
                            .anyMatch(
                                    s -> s.startsWith("subscription ntfy.sh/upAbCdEfGh1234: a UnifiedPush subscription"
                                            + " of the Android app org.example.chat")),
                    r.skipped().toString());

            Settings s = t.settings();
            assertEquals(2, s.minPriority());
            assertEquals("5m", s.notifications().autoDownload());
            assertEquals(7, s.retention().keepDays());
            assertEquals("dark", s.appearance());
            assertEquals(SERVER, s.defaultServer());
            assertEquals(0L, s.notifications().mutedUntil());
            assertEquals(15, s.connectionAlert().afterMinutes(), "Android's connectionAlertSeconds 900");
            assertTrue(
                    r.notes()
                            .contains(
                                    "Android settings without an ntfybar equivalent were not imported:"
                                            + " dynamicColors, connectionProtocol, broadcastEnabled, recordLogs, lastSharedTopics."),
                    r.notes().toString());
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("ntfybar always delivers instantly")));
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("\"Keep alerting\" for priority 5")));
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Subscription icons chosen on the phone")));
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("lastNotificationId is not needed")));

            ServerSettings server = s.server(SERVER);
            assertEquals("phil", server.username());
            assertEquals(
                    "s3cret-phil",
                    t.keychain.load(new CredentialsRef(SERVER, "phil")).orElseThrow());
            assertFalse(Files.readString(t.settingsFile.path()).contains("s3cret"), "no secret in settings.yml");

            ServerSettings tls = s.server(TLS);
            Path ca = Path.of(tls.caCertificate());
            assertEquals(dir.resolve("home/config/certs/secure.example.com_8443.pem"), ca);
            assertEquals(
                    CertificateFiles.parsePem(TestCertificates.get().caPem()),
                    CertificateFiles.parsePem(Files.readString(ca)));
            Path p12 = Path.of(tls.clientCertificate());
            assertEquals(dir.resolve("home/config/certs/secure.example.com_8443.p12"), p12);
            assertArrayEquals(Files.readAllBytes(TestCertificates.get().clientP12()), Files.readAllBytes(p12));
            assertEquals(
                    TestCertificates.CLIENT_PASSWORD,
                    t.keychain.load(CredentialsRef.clientCertificate(TLS)).orElseThrow());
        }
    }

    @Test
    void importingTheSameFileAgainAddsNothingAndKeepsEverything() throws Exception {
        try (TestState t = new TestState(dir.resolve("home"))) {
            Path file = fixture();
            t.importFile(file);
            Settings before = t.settings();
            ImportReport again = t.importFile(file);
            assertEquals(0, again.subscriptions(), again.text());
            assertEquals(0, again.messages(), again.text());
            assertEquals(0, again.logins(), again.text());
            assertEquals(0, again.certificates(), again.text());
            assertTrue(
                    again.skipped().contains("5 messages: already stored, or older revisions of an updated message"));
            assertTrue(
                    again.skipped().contains("login phil@ntfy.example.com: already saved; the saved password is kept"),
                    again.skipped().toString());
            assertEquals(before, t.settings(), "the same certificate files stay in use");
            try (Stream<Path> certs = Files.list(dir.resolve("home/config/certs"))) {
                assertEquals(2, certs.count(), "no second copy of a certificate");
            }
        }
    }

    @Test
    void whatIsAlreadyStoredIsKeptAndOnlyWhatIsMissingIsAdded() throws Exception {
        try (TestState t = new TestState(dir.resolve("home"))) {
            Subscription mine = t.subscriptions.add(
                    Subscription.of(SERVER, "alerts").withDisplayName("Mine").withMutedUntil(-1));
            t.messages.store(
                    mine.id(), List.of(Message.simple("a1Disk000001", 1767225600, "alerts", "Mine", "kept")), false);
            t.keychain.save(new CredentialsRef(SERVER, "zoe"), "zoe-pw");
            t.settingsFile.save(Settings.defaults()
                    .withServer(SERVER, ServerSettings.defaults().withLogin("zoe", false))
                    .withServer(TLS, ServerSettings.defaults().withCaCertificate("/etc/ssl/our-ca.pem")));

            ImportReport r = t.importFile(fixture());

            Subscription after = sub(t, SERVER, "alerts");
            assertEquals("Mine", after.displayName(), "an existing subscription keeps its own settings");
            assertEquals(-1, after.mutedUntil());
            List<Message> ms = visible(t, after);
            assertEquals(3, ms.size(), "the missing messages were added");
            assertEquals("kept", ms.get(2).message(), "a stored message with the same id stays as it was");
            assertTrue(r.notes().stream()
                    .anyMatch(n -> n.startsWith("subscription ntfy.example.com/alerts was already"
                            + " subscribed: it keeps its own settings")));
            assertEquals("zoe", t.settings().server(SERVER).username());
            assertEquals(
                    "zoe-pw", t.keychain.load(new CredentialsRef(SERVER, "zoe")).orElseThrow());
            assertTrue(t.keychain.load(new CredentialsRef(SERVER, "phil")).isEmpty());
            assertTrue(
                    r.skipped()
                            .contains("login phil@ntfy.example.com: this server already has a login (zoe);"
                                    + " ntfybar keeps it"),
                    r.skipped().toString());
            assertEquals("/etc/ssl/our-ca.pem", t.settings().server(TLS).caCertificate());
            assertTrue(
                    r.skipped()
                            .contains("1 trusted certificate for secure.example.com:8443: this server already"
                                    + " trusts /etc/ssl/our-ca.pem; ntfybar keeps it"),
                    r.skipped().toString());
            assertEquals(2, r.subscriptions());
            assertEquals(4, r.messages());
            assertEquals(1, r.certificates(), "the client certificate was missing, so it was added");
        }
    }

    @Test
    void aMessageDatedInTheFutureIsImportedButSetsNoResumePointInTheFuture() throws Exception {
        Path file = dir.resolve("future.json");
        Files.writeString(
                file,
                "{\"magic\":\"ntfy2586\",\"version\":1,\"subscriptions\":[{\"id\":77,\"baseUrl\":\"" + SERVER
                        + "\",\"topic\":\"future\",\"instant\":true,\"dedicatedChannels\":false,"
                        + "\"mutedUntil\":0}],\"notifications\":[{\"id\":\"f2100message\",\"subscriptionId\":77,"
                        + "\"timestamp\":4102444800,\"message\":\"from 2100\",\"priority\":3}]}");
        try (TestState t = new TestState(dir.resolve("home"))) {
            long before = System.currentTimeMillis() / 1000;
            ImportReport r = t.importFile(file);
            long after = System.currentTimeMillis() / 1000;
            assertEquals(1, r.messages(), r.text());
            Subscription s = sub(t, SERVER, "future");
            assertEquals(
                    List.of("from 2100"),
                    visible(t, s).stream().map(Message::message).toList());
            long resume = t.messages.resumeTime(List.of(s.id())).getAsLong();
            assertTrue(resume >= before && resume <= after, "the import time bounds the resume point: " + resume);
        }
    }

    @Test
    void aMinimalBackupWithOnlySubscriptionsIsEnough() throws Exception {
        try (TestState t = new TestState(dir.resolve("home"))) {
            ImportReport r = t.importFile(Fixtures.write("android-subscriptions-only.json", dir, Map.of()));
            assertEquals(1, r.subscriptions());
            assertEquals(
                    "Imported from an ntfy Android backup: 1 subscription, 0 messages, 0 logins, 0 certificates"
                            + " and 0 settings.",
                    r.text());
            assertTrue(t.subscriptions.find(SERVER, "only").isPresent());
            assertFalse(Files.exists(t.settingsFile.path()), "no setting in the file, none written");
        }
    }
}
