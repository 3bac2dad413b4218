package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testserver.TestTls;
import io.ntfybar.testsupport.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A self-hosted server over HTTPS with its own CA: refused by default, trusted only through its own setting. */
class EngineTlsTest {
    @TempDir
    Path dir;

    NtfyTestServer server;
    TestTls tls;
    EngineFixture f;

    @BeforeEach
    void start() throws Exception {
        tls = TestTls.create(dir.resolve("tls"));
        server = NtfyTestServer.startTls(
                TestServerConfig.defaults().withKeepalive(Duration.ofSeconds(1)), tls.serverContext());
        f = new EngineFixture(server, dir.resolve("db"), EngineFixture.FAST);
    }

    @AfterEach
    void stop() {
        f.close();
        server.close();
    }

    private void trust(String pem) {
        f.settings = Settings.defaults()
                .withServer(server.baseUrl(), new ServerSettings(null, Map.of(), null, false, false, pem, null));
    }

    /** Back-off reports whose reason is the server's certificate. */
    private long refusals() {
        return f.reports.stream()
                .filter(r -> r.state() instanceof ConnectionState.BackingOff b
                        && b.reason().toLowerCase(java.util.Locale.ROOT).contains("certif"))
                .count();
    }

    @Test
    void anUnknownCertificateIsRefusedAndNothingIsReceived() throws Exception {
        f.subscribeFetched("alerts");
        f.start();
        Await.value("a refused handshake", this::refusals, n -> n >= 1);
        server.publish("alerts", "must not arrive");
        // The engine keeps retrying; two more refusals after the publish show it tried again with the message waiting.
        long refused = refusals();
        Await.value("two more refused handshakes after " + refused, this::refusals, n -> n >= refused + 2);
        assertEquals(List.of(), f.dispatchedTexts());
        assertTrue(server.openStreams() == 0, "no stream was opened over an unverified connection");
    }

    @Test
    void theServersOwnCaCertificateMakesItTrusted() throws Exception {
        trust(tls.certificatePem().toString());
        f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publish("alerts", "over https");
        f.awaitDispatched(1);
        assertEquals(List.of("over https"), f.dispatchedTexts());
    }

    @Test
    void anUnusableCertificateFileIsASettingsProblemWithASentence() throws Exception {
        Path garbage = dir.resolve("not-a-cert.pem");
        Files.writeString(garbage, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        trust(garbage.toString());
        f.subscribeFetched("alerts");
        f.start();
        Await.value("a settings problem", () -> List.copyOf(f.problems), p -> !p.isEmpty());
        TopicProblem p = f.problems.get(0);
        assertEquals(TopicProblem.Kind.SETTINGS, p.kind());
        assertTrue(p.sentence().contains("not-a-cert.pem") && p.sentence().contains("ca-certificate"), p.sentence());
        // Fixing the setting lets it connect: a settings problem is judged again with the new settings.
        trust(tls.certificatePem().toString());
        f.engine.reconcile(f.settings).get();
        f.awaitConnected();
        server.publish("alerts", "after the fix");
        f.awaitDispatched(1);
    }
}
