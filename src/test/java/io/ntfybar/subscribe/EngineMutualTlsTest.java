package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testserver.TestTls;
import io.ntfybar.testsupport.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against a server that requires a client certificate: streams and history over mutual TLS with the right
 * certificate; without it, or with a wrong password, a sentence and no stream; fixing it connects without a restart.
 */
class EngineMutualTlsTest {
    @TempDir
    Path dir;

    NtfyTestServer server;
    TestTls.Mutual tls;
    EngineFixture f;

    @BeforeEach
    void start() throws Exception {
        tls = TestTls.sharedMutual();
        server = NtfyTestServer.startMutualTls(
                TestServerConfig.defaults().withKeepalive(Duration.ofSeconds(1)), tls.serverContext());
        f = new EngineFixture(server, dir.resolve("db"), EngineFixture.FAST);
    }

    @AfterEach
    void stop() {
        f.close();
        server.close();
    }

    private void settings(Path p12, Map<String, String> headers) {
        f.settings = Settings.defaults()
                .withServer(
                        server.baseUrl(),
                        ServerSettings.defaults()
                                .withCaCertificate(tls.serverCaPem().toString())
                                .withClientCertificate(p12 == null ? null : p12.toString())
                                .withHeaders(headers));
    }

    private void password(String p) {
        f.keychain.save(CredentialsRef.clientCertificate(server.baseUrl()), p);
    }

    @Test
    void theRightCertificateFetchesHistoryAndStreamsWithTheServersHeaders() throws Exception {
        password(TestTls.CLIENT_PASSWORD);
        settings(tls.clientP12(), Map.of("X-Proxy-Key", "k-1"));
        server.publish("alerts", "cached before");
        f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publish("alerts", "live over mutual TLS");
        f.awaitDispatched(1);
        assertEquals(List.of("live over mutual TLS"), f.dispatchedTexts());
        long sub = f.subscriptions.all().get(0).id();
        assertEquals(2, f.messages.page(sub, null, 10).size(), "the history poll also went through");
        assertTrue(
                server.requests().stream()
                        .allMatch(r -> "k-1".equals(r.headers().get("x-proxy-key"))),
                "every request carries the server's header: " + server.requests());
    }

    @Test
    void withoutACertificateTheReasonSaysSoAndNothingArrives() throws Exception {
        settings(null, Map.of());
        f.subscribeFetched("alerts");
        f.start();
        Await.until("the reason", () -> f.reports.stream()
                .anyMatch(r -> r.state() instanceof ConnectionState.BackingOff b
                        && b.reason().contains("requires a client certificate (mutual TLS) and none is set")));
        assertEquals(0, server.openStreams(), "no stream without the certificate");

        // Choosing the certificate (file and password) connects without a restart.
        password(TestTls.CLIENT_PASSWORD);
        settings(tls.clientP12(), Map.of());
        f.engine.reconcile(f.settings).get();
        f.awaitConnected();
        server.publish("alerts", "after choosing it");
        f.awaitDispatched(1);
    }

    @Test
    void aWrongPasswordIsASettingsProblemThatANewPasswordClears() throws Exception {
        password("wrong");
        settings(tls.clientP12(), Map.of());
        f.subscribeFetched("alerts");
        f.start();
        Await.value("a settings problem", () -> List.copyOf(f.problems), p -> !p.isEmpty());
        TopicProblem p = f.problems.get(0);
        assertEquals(TopicProblem.Kind.SETTINGS, p.kind());
        assertTrue(p.sentence().contains("the password does not open " + tls.clientP12()), p.sentence());
        assertEquals(0, server.openStreams());

        password(TestTls.CLIENT_PASSWORD);
        f.engine.reconcile(f.settings).get();
        f.awaitConnected();
    }
}
