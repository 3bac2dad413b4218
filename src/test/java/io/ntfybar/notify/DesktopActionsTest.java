package io.ntfybar.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.actions.AttachmentDownloader;
import io.ntfybar.actions.HttpActionRunner;
import io.ntfybar.actions.IconCache;
import io.ntfybar.actions.SystemLinkOpener;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testserver.TestTls;
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

/** The image of a notification from a self-hosted server with its own CA, over real TLS on loopback. */
class DesktopActionsTest {
    @TempDir
    Path dir;

    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1
    };

    @Test
    void anImageAttachmentOnAServerWithItsOwnCaIsFetchedOnlyWhenThatCaIsConfigured() throws Exception {
        TestTls tls = TestTls.create(dir.resolve("tls"));
        try (NtfyTestServer server = NtfyTestServer.startTls(TestServerConfig.defaults(), tls.serverContext())) {
            OkHttpClient publisher =
                    HttpClients.trusting(HttpClients.requests(HttpClients.streaming()), tls.certificatePem());
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
            OkHttpClient plain = HttpClients.requests(HttpClients.streaming());
            DesktopActions actions = new DesktopActions(
                    new SystemLinkOpener(List.of("/bin/false"), Duration.ofSeconds(1)),
                    new HttpActionRunner(plain),
                    text -> {},
                    new AttachmentDownloader(plain, dir.resolve("cache/attachments")),
                    new IconCache(plain, dir.resolve("cache/icons")),
                    Keychains.sessionOnly("test"),
                    settings::get);

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
