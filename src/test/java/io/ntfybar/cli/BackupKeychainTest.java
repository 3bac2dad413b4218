package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ntfybar.app.Main;
import io.ntfybar.testserver.TestTls;
import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ntfybar backup} as separate processes on a private desktop session: logins imported by one process are in
 * gnome-keyring (the Secret Service) for the next; without a keyring they are skipped, never half saved.
 */
class BackupKeychainTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path backup(String password) throws Exception {
        TestTls tls = TestTls.create(dir.resolve("tls"));
        String json = "{\"magic\":\"ntfy2586\",\"version\":1,"
                + "\"subscriptions\":[{\"id\":1,\"baseUrl\":\"https://ntfy.example.com\",\"topic\":\"alerts\","
                + "\"instant\":true,\"dedicatedChannels\":false,\"mutedUntil\":0}],"
                + "\"users\":[{\"baseUrl\":\"https://ntfy.example.com\",\"username\":\"phil\",\"password\":"
                + JSON.writeValueAsString(password) + "}],"
                + "\"trustedCertificates\":[{\"baseUrl\":\"https://ntfy.example.com\",\"pem\":"
                + JSON.writeValueAsString(Files.readString(tls.certificatePem())) + "}]}";
        return Files.writeString(dir.resolve("android.json"), json, StandardCharsets.UTF_8);
    }

    private static java.security.cert.Certificate certificate(String pem) throws Exception {
        return java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private String ntfybar(DesktopSession desktop, Path home, String... args) throws Exception {
        return ChildJvm.run(
                Main.class,
                desktop.env(),
                List.of("-Dntfybar.home=" + home, "-Dntfybar.logdir=" + home.resolve("logs")),
                args);
    }

    @Test
    void importedLoginsAreInTheKeyringForTheNextProcess() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(false)) {
            desktop.startKeyring();
            Path home = dir.resolve("home");
            String imported = ntfybar(
                    desktop,
                    home,
                    "backup",
                    "import",
                    backup("pässwörd:with colon").toString());
            assertTrue(
                    imported.startsWith("Imported from an ntfy Android backup: 1 subscription, 0 messages, 1 login,"
                            + " 1 certificate and 0 settings."),
                    imported);
            assertFalse(Files.readString(home.resolve("config/settings.yml")).contains("pässwörd"));

            Path out = dir.resolve("export.json");
            String exported = ntfybar(desktop, home, "backup", "export", "--include-passwords", out.toString());
            assertTrue(exported.contains("1 login with passwords"), exported);
            assertTrue(exported.contains("clear text"), exported);
            JsonNode root = JSON.readTree(out.toFile());
            assertEquals("phil", root.get("users").get(0).get("username").asText());
            assertEquals(
                    "pässwörd:with colon",
                    root.get("users").get(0).get("password").asText());
            assertEquals(
                    certificate(Files.readString(dir.resolve("tls/server-ca.pem"))),
                    certificate(
                            root.get("trustedCertificates").get(0).get("pem").asText()),
                    "the trusted CA went into certs/ and comes back out");
        }
    }

    @Test
    void withoutAKeyringLoginsAreSkippedWithTheReasonAndTheRestComesIn() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(false)) {
            Path home = dir.resolve("home");
            String imported =
                    ntfybar(desktop, home, "backup", "import", backup("secret").toString());
            assertTrue(
                    imported.startsWith("Imported from an ntfy Android backup: 1 subscription, 0 messages, 0 logins,"
                            + " 1 certificate"),
                    imported);
            assertTrue(
                    imported.contains("- login phil@ntfy.example.com: its secret would be kept in memory only"),
                    imported);
            String settings = Files.readString(home.resolve("config/settings.yml"));
            assertFalse(settings.contains("phil"), "no login named without its password: " + settings);
            assertTrue(settings.contains("ca-certificate"), settings);
        }
    }
}
