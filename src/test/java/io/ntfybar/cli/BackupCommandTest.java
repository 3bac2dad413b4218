package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.SettingsFile;
import io.ntfybar.store.Database;
import io.ntfybar.store.StoreChildProcess;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ntfybar backup import|export} in this process, on a private home, end to end through the files it writes. */
class BackupCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CliHome cli;

    @BeforeEach
    void start() {
        cli = new CliHome(dir.resolve("home"));
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    /** The Android fixture without its logins and client certificate, whose import depends on the OS keychain. */
    private Path androidBackup() throws Exception {
        String text = new String(
                BackupCommandTest.class
                        .getResourceAsStream("/io/ntfybar/backup/android-backup.json")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        ObjectNode root = (ObjectNode) JSON.readTree(text.replace("{{SERVER}}", "https://ntfy.example.com")
                .replace("{{TLS_SERVER}}", "https://secure.example.com")
                .replace("{{CA_PEM}}", "")
                .replace("{{CLIENT_P12}}", "")
                .replace("{{CLIENT_PASSWORD}}", ""));
        root.remove(List.of("users", "clientCertificates", "trustedCertificates"));
        Path file = dir.resolve("ntfy-backup.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private List<String> topics(Path home) {
        try (Database db = Database.open(home.resolve("data"))) {
            return new SubscriptionStore(db)
                    .all().stream().map(s -> s.baseUrl() + "/" + s.topic()).toList();
        }
    }

    @Test
    void importPrintsTheReportAndExportWritesAFileThatImportsTheSame() throws Exception {
        assertEquals(0, cli.run("backup", "import", androidBackup().toString()), cli.err());
        assertTrue(
                cli.out()
                        .startsWith("Imported from an ntfy Android backup: 3 subscriptions, 5 messages, 0 logins,"
                                + " 0 certificates and 7 settings.\nSkipped:\n"),
                cli.out());
        assertEquals("", cli.err());
        List<String> topics = List.of(
                "https://ntfy.example.com/alerts",
                "https://ntfy.example.com/backups",
                "https://secure.example.com/secure");
        assertEquals(topics, topics(dir.resolve("home")));
        assertEquals("dark", new SettingsFile(dir.resolve("home/config")).load().appearance());

        Path out = dir.resolve("export/backup.json");
        assertEquals(0, cli.run("backup", "export", out.toString()), cli.err());
        assertEquals(
                "Exported 3 subscriptions, 4 messages, 0 logins without passwords and 0 certificates to " + out + ".",
                cli.out());
        JsonNode root = JSON.readTree(out.toFile());
        assertEquals("ntfy2586", root.get("magic").asText());

        try (CliHome other = new CliHome(dir.resolve("other"))) {
            assertEquals(0, other.run("backup", "import", out.toString()), other.err());
            assertTrue(other.out().startsWith("Imported from an ntfy Android backup: 3 subscriptions, 4 messages,"));
            assertEquals(topics, topics(dir.resolve("other")));
        }
    }

    @Test
    void anExistingExportFileIsReplacedOnlyWithForce() throws Exception {
        Path out = Files.writeString(dir.resolve("backup.json"), "keep me");
        assertEquals(1, cli.run("backup", "export", out.toString()));
        assertEquals(
                "ntfybar backup export: " + out + " already exists; choose another file or replace it (--force).",
                cli.err());
        assertEquals("", cli.out());
        assertEquals("keep me", Files.readString(out));
        assertEquals(0, cli.run("backup", "export", "--force", out.toString()), cli.err());
        assertEquals("ntfy2586", JSON.readTree(out.toFile()).get("magic").asText());
    }

    @Test
    void aFileThatIsNoBackupIsOneSentenceAndExitOneAndNothingChanges() throws Exception {
        try (Database db = Database.open(dir.resolve("home/data"))) {
            new SubscriptionStore(db).add(Subscription.of("https://ntfy.sh", "mine"));
        }
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"magic\":\"ntfy2586\",\"version\":2}");
        assertEquals(1, cli.run("backup", "import", newer.toString()));
        assertEquals(
                "ntfybar backup import: newer.json: The backup is of version 2, made by a newer ntfy app; ntfybar reads"
                        + " version 1. Nothing was imported.",
                cli.err());
        assertEquals("", cli.out());
        assertEquals(List.of("https://ntfy.sh/mine"), topics(dir.resolve("home")));
        assertEquals(1, cli.run("backup", "import", dir.resolve("missing.json").toString()));
        assertEquals("ntfybar backup import: " + dir.resolve("missing.json") + " does not exist.", cli.err());
        assertEquals(2, cli.run("backup"));
        assertTrue(cli.err().contains("Usage: ntfybar backup"), cli.err());
        assertEquals(2, cli.run("backup", "import"));
    }

    @Test
    void clientYmlSubscriptionsComeInAndWhatTheAppCannotRunIsReported() throws Exception {
        Path yml = Files.writeString(
                dir.resolve("client.yml"),
                "default-host: https://ntfy.example.com\nsubscribe:\n  - topic: alerts\n    command: 'say \"$m\"'\n");
        assertEquals(0, cli.run("backup", "import", yml.toString()), cli.err());
        assertEquals(
                "Imported from ntfy's client.yml: 1 subscription, 0 messages, 0 logins, 0 certificates and 0 settings."
                        + "\nSkipped:\n- command of ntfy.example.com/alerts: the app shows notifications and runs no"
                        + " command for a message (ntfy's CLI does)",
                cli.out());
        assertEquals(List.of("https://ntfy.example.com/alerts"), topics(dir.resolve("home")));
    }

    @Test
    void whileTheAppHoldsTheStoreTheCommandSaysToQuitIt() throws Exception {
        Path data = dir.resolve("home/data");
        Process holder = ChildJvm.start(
                StoreChildProcess.class,
                Map.of(),
                List.of("-Dntfybar.logdir=" + dir.resolve("logs")),
                "hold",
                data.toString());
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("open", out.readLine());
            assertEquals(1, cli.run("backup", "export", dir.resolve("b.json").toString()));
            assertTrue(
                    cli.err().startsWith("ntfybar backup export: The message store in " + data + " is in use"),
                    cli.err());
            assertTrue(
                    cli.err()
                            .endsWith(
                                    "If the ntfybar app is running, quit it, or use Preferences → Backup in the app."),
                    cli.err());
            assertTrue(Files.notExists(dir.resolve("b.json")));
        } finally {
            holder.destroyForcibly().waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
