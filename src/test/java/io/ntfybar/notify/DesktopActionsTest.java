package io.ntfybar.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.actions.SystemLinkOpener;
import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Action;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.net.ServerClients;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testserver.TestTls;
import io.ntfybar.testsupport.LoopbackHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image and http actions of a notification from a self-hosted server with its own CA, client certificate and
 * headers, over real TLS on loopback; what goes to another host gets none of them.
 */
class DesktopActionsTest {
    @TempDir
    Path dir;

    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1
    };

    DesktopActions actions(AtomicReference<Settings> settings, Keychain keychain) {
        return new DesktopActions(
                new SystemLinkOpener(List.of("/bin/false"), Duration.ofSeconds(1)),
                text -> {},
                new ServerClients(HttpClients.requests(HttpClients.streaming()), keychain),
                dir.resolve("cache"),
                keychain,
                settings::get);
    }

    @Test
    void onAMutualTlsServerTheAttachmentAndAnHttpActionUseItsCertificateAndHeadersAndOtherHostsGetNeither()
            throws Exception {
        TestTls.Mutual tls = TestTls.sharedMutual();
        Keychain keychain = Keychains.sessionOnly("test");
        try (NtfyTestServer server = NtfyTestServer.startMutualTls(TestServerConfig.defaults(), tls.serverContext());
                LoopbackHttp elsewhere = new LoopbackHttp()) {
            keychain.save(CredentialsRef.clientCertificate(server.baseUrl()), TestTls.CLIENT_PASSWORD);
            ServerSettings trust = ServerSettings.defaults()
                    .withCaCertificate(tls.serverCaPem().toString())
                    .withClientCertificate(tls.clientP12().toString())
                    .withHeaders(Map.of("X-Proxy-Key", "k-9"));
            AtomicReference<Settings> settings =
                    new AtomicReference<>(Settings.defaults().withServer(server.baseUrl(), trust));
            OkHttpClient publisher = new ServerClients(HttpClients.requests(HttpClients.streaming()), keychain)
                    .forServer(server.baseUrl(), trust);
            Message m;
            try (Response r = publisher
                    .newCall(new Request.Builder()
                            .url(server.baseUrl() + "/cams?f=porch.png")
                            .put(RequestBody.create(PNG, null))
                            .build())
                    .execute()) {
                assertEquals(200, r.code());
                m = MessageCodec.decodeLine(r.body().string());
            }
            DesktopActions actions = actions(settings, keychain);
            Subscription sub = Subscription.of(server.baseUrl(), "cams");

            Path image = Path.of(actions.imageFor(sub, m).orElseThrow());
            assertArrayEquals(PNG, Files.readAllBytes(image));
            List<NtfyTestServer.Recorded> got = server.requests();
            assertEquals("k-9", got.get(got.size() - 1).headers().get("x-proxy-key"));

            MessageActions.Outcome same = actions.runHttp(
                            Action.http("Ack", server.baseUrl() + "/v1/health", "GET", Map.of(), null, false),
                            server.baseUrl())
                    .toCompletableFuture()
                    .get();
            assertTrue(same.success(), String.valueOf(same.reason()));
            got = server.requests();
            assertEquals("GET /v1/health", got.get(got.size() - 1).line());
            assertEquals("k-9", got.get(got.size() - 1).headers().get("x-proxy-key"));

            MessageActions.Outcome other = actions.runHttp(
                            Action.http("Hook", elsewhere.baseUrl() + "/hook", "POST", Map.of(), "x", false),
                            server.baseUrl())
                    .toCompletableFuture()
                    .get();
            assertTrue(other.success(), String.valueOf(other.reason()));
            LoopbackHttp.Recorded hook = elsewhere.next();
            assertEquals("/hook", hook.path());
            assertNull(hook.header("x-proxy-key"), "another host never gets the server's headers");
        }
    }

    @Test
    void anImageAttachmentOnAServerWithItsOwnCaIsFetchedOnlyWhenThatCaIsConfigured() throws Exception {
        TestTls tls = TestTls.create(dir.resolve("tls"));
        try (NtfyTestServer server = NtfyTestServer.startTls(TestServerConfig.defaults(), tls.serverContext())) {
            OkHttpClient publisher = new ServerClients(
                            HttpClients.requests(HttpClients.streaming()), Keychains.sessionOnly("test"))
                    .forServer(
                            server.baseUrl(),
                            ServerSettings.defaults()
                                    .withCaCertificate(tls.certificatePem().toString()));
            Message m;
            try (Response r = publisher
                    .newCall(new Request.Builder()
                            .url(server.baseUrl() + "/cams?f=porch.png")
                            .put(RequestBody.create(PNG, null))
                            .build())
                    .execute()) {
                assertEquals(200, r.code());
                m = MessageCodec.decodeLine(r.body().string());
            }
            Subscription sub = Subscription.of(server.baseUrl(), "cams");
            AtomicReference<Settings> settings = new AtomicReference<>(Settings.defaults());
            DesktopActions actions = actions(settings, Keychains.sessionOnly("test"));

            assertEquals(Optional.empty(), actions.imageFor(sub, m), "an unknown CA is refused, TLS stays verified");

            settings.set(Settings.defaults()
                    .withServer(
                            server.baseUrl(),
                            new ServerSettings(
                                    null,
                                    Map.of(),
                                    null,
                                    false,
                                    false,
                                    tls.certificatePem().toString(),
                                    null)));
            Path image = Path.of(actions.imageFor(sub, m).orElseThrow());
            assertTrue(image.startsWith(dir.resolve("cache/attachments")), image.toString());
            assertArrayEquals(PNG, Files.readAllBytes(image));

            settings.set(Settings.defaults()
                    .withServer(
                            server.baseUrl(),
                            new ServerSettings(
                                    null,
                                    Map.of(),
                                    null,
                                    false,
                                    false,
                                    dir.resolve("missing.pem").toString(),
                                    null)));
            assertEquals(Optional.empty(), actions.imageFor(sub, m), "a missing CA file is logged, nothing thrown");
        }
    }
}
