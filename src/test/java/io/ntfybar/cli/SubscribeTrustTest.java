package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testserver.TestTls;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code subscribe} uses each server's own trust from settings.yml, as the app does: a server with a self-signed
 * certificate is refused with a sentence until its CA file is named, then polled over verified TLS.
 */
class SubscribeTrustTest {
    @TempDir
    Path dir;

    @Test
    void aServersOwnCaFromTheSettingsIsTrustedAndNothingElse() throws Exception {
        TestTls tls = TestTls.create(dir.resolve("tls"));
        try (NtfyTestServer server = NtfyTestServer.startTls(TestServerConfig.defaults(), tls.serverContext());
                CliHome cli = new CliHome(dir.resolve("home"))) {
            server.publish("secure", "over verified TLS");
            String url = server.baseUrl() + "/secure";
            for (String[] args : new String[][] {
                {"subscribe", "--poll", "--since", "all", url},
                {"subscribe", "--store", "--poll", "--since", "all", url}
            }) {
                assertEquals(1, cli.run(args), cli.out());
                assertTrue(cli.err().toLowerCase().contains("certificate"), cli.err());
            }
            cli.settings("servers:\n  " + server.baseUrl() + ":\n    ca-certificate: " + tls.certificatePem() + "\n");
            assertEquals(0, cli.run("subscribe", "--poll", "--since", "all", url), cli.err());
            assertTrue(cli.out().contains("\"message\":\"over verified TLS\""), cli.out());
            assertEquals(0, cli.run("subscribe", "--store", "--poll", "--since", "all", url), cli.err());
            assertTrue(cli.out().contains("\"message\":\"over verified TLS\""), cli.out());
        }
    }
}
