package io.ntfybar.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.model.Priority;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testserver.TestTls;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import and export through the Preferences window's view model, on the real app core against the test server. */
class BackupViewModelTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static PreferencesViewModel open(TestCore t) {
        PreferencesViewModel vm = new PreferencesViewModel(t.core, UiThreads.direct());
        vm.load();
        return vm;
    }

    /** The Android fixture of the backup tests, for this test's servers and certificate. */
    private Path androidBackup(String server, String tlsServer, TestTls tls) throws Exception {
        String text = new String(
                        BackupViewModelTest.class
                                .getResourceAsStream("/io/ntfybar/backup/android-backup.json")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("{{SERVER}}", server)
                .replace("{{TLS_SERVER}}", tlsServer)
                .replace("{{CA_PEM}}", jsonStringContent(Files.readString(tls.certificatePem())))
                // Not a client certificate: the import reports it and goes on.
                .replace("{{CLIENT_P12}}", Base64.getEncoder().encodeToString("no key here".getBytes()))
                .replace("{{CLIENT_PASSWORD}}", "x");
        return Files.writeString(dir.resolve("ntfy-backup.json"), text);
    }

    private static String jsonStringContent(String s) throws Exception {
        String quoted = JSON.writeValueAsString(s);
        return quoted.substring(1, quoted.length() - 1);
    }

    @Test
    void anImportedBackupIsConnectedAtOnceTrustedCaIncluded() throws Exception {
        TestTls tls = TestTls.create(dir.resolve("tls"));
        try (TestCore t = TestCore.start(dir.resolve("home"));
                NtfyTestServer secure = NtfyTestServer.startTls(TestServerConfig.defaults(), tls.serverContext())) {
            PreferencesViewModel vm = open(t);
            BackupViewModel backup = vm.backup();
            backup.importFrom(androidBackup(t.server.baseUrl(), secure.baseUrl(), tls));

            String report = backup.reportProperty().get();
            assertTrue(
                    report.startsWith("Imported from an ntfy Android backup: 3 subscriptions, 5 messages, 1 login,"
                            + " 1 certificate and 7 settings."),
                    report);
            assertTrue(report.contains("client certificate for "), report);
            assertEquals("", backup.errorProperty().get());
            assertFalse(backup.busyProperty().get());
            assertEquals("dark", vm.appearance.get(), "the Preferences controls show the imported settings");
            assertEquals(Priority.LOW, vm.minPriority.get());

            Await.until(
                    "the imported subscription on the TLS server connects with the imported CA",
                    () -> t.core.connections().stream()
                            .anyMatch(r -> r.state() instanceof ConnectionState.Connected
                                    && r.topics().contains("secure")));
            Await.until("the imported subscriptions on the plain server connect", () -> t.core.connections().stream()
                    .anyMatch(r -> r.state() instanceof ConnectionState.Connected
                            && r.topics().contains("alerts")));
            secure.publish("secure", "Über TLS, after the import");
            Await.until(
                    "a new message arrives on the imported subscription",
                    () -> !t.core.messages().search("after the import", 1).isEmpty());
            assertEquals("phil", t.core.settings().server(t.server.baseUrl()).username());
        }
    }

    @Test
    void exportWritesTheBackupAndPasswordsOnlyWhenAskedWithAWarning() throws Exception {
        try (TestCore t = TestCore.start(dir.resolve("home"))) {
            t.subscribe("builds");
            t.publishAndWait("builds", "Build 42 passed");
            String url = t.server.baseUrl();
            t.core.keychain().save(new CredentialsRef(url, "phil"), "s3cret-phil");
            t.core.updateSettings(
                    s -> s.withServer(url, ServerSettings.defaults().withLogin("phil", false)));
            BackupViewModel backup = open(t).backup();
            assertEquals("", backup.warningProperty().get());
            Path file = dir.resolve("out.json");

            backup.exportTo(file);
            assertEquals(
                    "Exported 1 subscription, 1 message, 1 login without passwords and 0 certificates to " + file + ".",
                    backup.reportProperty().get());
            JsonNode root = JSON.readTree(file.toFile());
            assertEquals("builds", root.get("subscriptions").get(0).get("topic").asText());
            assertEquals(
                    "Build 42 passed",
                    root.get("notifications").get(0).get("message").asText());
            assertEquals("", root.get("users").get(0).get("password").asText());

            backup.includePasswords.set(true);
            assertTrue(
                    backup.warningProperty().get().contains("clear text"),
                    backup.warningProperty().get());
            backup.exportTo(file);
            assertTrue(backup.reportProperty().get().contains("1 login with passwords"));
            assertTrue(backup.reportProperty().get().endsWith("Keep it private and delete it once restored."));
            assertEquals(
                    "s3cret-phil",
                    JSON.readTree(file.toFile())
                            .get("users")
                            .get(0)
                            .get("password")
                            .asText());
            backup.includePasswords.set(false);
            assertEquals("", backup.warningProperty().get());
        }
    }

    @Test
    void aFileThatIsNoBackupSaysWhyAndChangesNothing() throws Exception {
        try (TestCore t = TestCore.start(dir.resolve("home"))) {
            Subscription kept = t.subscribe("kept");
            BackupViewModel backup = open(t).backup();
            Path file = Files.writeString(dir.resolve("photo.json"), "{\"magic\":\"JFIF\",\"version\":1}");
            backup.importFrom(file);
            assertEquals(
                    "Nothing was imported: photo.json: It is not an ntfy backup: its magic is \"JFIF\" where ntfy's"
                            + " Android app writes \"ntfy2586\".",
                    backup.errorProperty().get());
            assertEquals("", backup.reportProperty().get());
            assertEquals(
                    List.of(kept.withInitialFetchDone(true)),
                    t.core.subscriptions().all().stream()
                            .map(s -> s.withInitialFetchDone(true))
                            .toList());
        }
    }
}
