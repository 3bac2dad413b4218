package io.ntfybar.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Message;
import io.ntfybar.model.PublishRequest;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.publish.Publisher;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testserver.TestTls;
import io.ntfybar.testsupport.ForwardProxy;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests through a real forward proxy on loopback, chosen from the environment variables: CONNECT tunnels for https,
 * absolute URIs for http, the proxy's own login from its URL, and no_proxy going around it. The servers are reached by
 * the name {@code ntfy.test}, which only the proxy (or, going direct, the test's own resolver) maps to 127.0.0.1.
 */
class ProxyTest {
    @TempDir
    Path dir;

    static ServerSettings headers() {
        return ServerSettings.defaults().withHeaders(Map.of("X-Proxy-Key", "k-7"));
    }

    static Message publish(OkHttpClient client, String base, String text) throws Publisher.PublishException {
        return new Publisher(client).publish(ServerUrl.of(base), Optional.empty(), PublishRequest.to("alerts", text));
    }

    @Test
    void httpGoesToTheProxyAsAnAbsoluteUriWithTheProxysLoginFromItsUrl() throws Exception {
        try (NtfyTestServer server = NtfyTestServer.start();
                ForwardProxy proxy = new ForwardProxy("phil", "s@cret:x")) {
            EnvironmentProxies env = new EnvironmentProxies(
                    Map.of("http_proxy", "http://phil:s%40cret%3Ax@127.0.0.1:" + proxy.port()), null);
            String base = "http://ntfy.test:" + server.port();
            OkHttpClient client = new ServerClients(
                            HttpClients.requests(HttpClients.streaming(env)), Keychains.sessionOnly("t"))
                    .forServer(base, headers());

            assertEquals(
                    "through the proxy",
                    publish(client, base, "through the proxy").message());

            assertEquals(List.of("POST " + base + "/"), proxy.requests());
            NtfyTestServer.Recorded got = server.requests().get(0);
            assertEquals("k-7", got.headers().get("x-proxy-key"), "the server's headers reach the server");
            assertEquals(null, got.headers().get("proxy-authorization"));
        }
    }

    @Test
    void httpsIsTunnelledWithConnectAndStaysVerifiedEndToEnd() throws Exception {
        TestTls tls = TestTls.create(dir.resolve("tls"));
        try (NtfyTestServer server = NtfyTestServer.startTls(TestServerConfig.defaults(), tls.serverContext());
                ForwardProxy proxy = new ForwardProxy("phil", "pw")) {
            EnvironmentProxies env = new EnvironmentProxies(
                    Map.of("HTTPS_PROXY", "phil:pw@127.0.0.1:" + proxy.port(), "no_proxy", "example.org"), null);
            String base = "https://ntfy.test:" + server.port();
            ServerClients clients =
                    new ServerClients(HttpClients.requests(HttpClients.streaming(env)), Keychains.sessionOnly("t"));

            String untrusted = assertThrows(
                            Publisher.PublishException.class,
                            () -> publish(clients.forServer(base, headers()), base, "must not arrive"))
                    .getMessage();
            assertTrue(untrusted.contains("is not trusted"), untrusted);
            assertEquals(0, server.cachedMessages());

            OkHttpClient client = clients.forServer(
                    base, headers().withCaCertificate(tls.certificatePem().toString()));
            publish(client, base, "tunnelled");
            List<Message> polled = new Poller(client)
                    .poll(
                            ConnectionKey.anonymous(ServerUrl.of(base)),
                            null,
                            List.of("alerts"),
                            SubscribeQuery.live().withSince("all"));
            assertEquals("tunnelled", polled.get(polled.size() - 1).message());
            assertTrue(
                    proxy.requests().stream().allMatch(r -> r.equals("CONNECT ntfy.test:" + server.port())),
                    proxy.requests().toString());
            assertTrue(
                    server.requests().stream()
                            .allMatch(r -> "k-7".equals(r.headers().get("x-proxy-key"))),
                    "inside the tunnel the server gets its headers");
        }
    }

    @Test
    void noProxyGoesAroundTheProxy() throws Exception {
        try (NtfyTestServer server = NtfyTestServer.start();
                ForwardProxy proxy = new ForwardProxy(null, null)) {
            EnvironmentProxies env =
                    new EnvironmentProxies(Map.of("http_proxy", proxy.url(), "no_proxy", "localhost,.test"), null);
            String base = "http://ntfy.test:" + server.port();
            OkHttpClient direct = HttpClients.requests(HttpClients.streaming(env))
                    .newBuilder()
                    .dns(host -> host.equals("ntfy.test")
                            ? List.of(InetAddress.getLoopbackAddress())
                            : okhttp3.Dns.SYSTEM.lookup(host))
                    .build();
            assertEquals("direct", publish(direct, base, "direct").message());
            assertEquals(List.of(), proxy.requests(), "the proxy saw nothing");

            String other = "http://ntfy.example:" + server.port();
            assertEquals("proxied", publish(direct, other, "proxied").message());
            assertEquals(List.of("POST " + other + "/"), proxy.requests(), "a name not in no_proxy goes through it");
        }
    }

    @Test
    void aWrongOrMissingProxyLoginReachesNothingAndSaysWhatToDo() throws Exception {
        TestTls tls = TestTls.create(dir.resolve("tls"));
        try (NtfyTestServer server = NtfyTestServer.start();
                NtfyTestServer secure = NtfyTestServer.startTls(TestServerConfig.defaults(), tls.serverContext());
                ForwardProxy proxy = new ForwardProxy("phil", "right")) {
            EnvironmentProxies env = new EnvironmentProxies(
                    Map.of(
                            "http_proxy", "http://phil:wrong@127.0.0.1:" + proxy.port(),
                            "https_proxy", "127.0.0.1:" + proxy.port()),
                    null);
            ServerClients clients =
                    new ServerClients(HttpClients.requests(HttpClients.streaming(env)), Keychains.sessionOnly("t"));
            String http = "http://ntfy.test:" + server.port();
            String s = assertThrows(
                            Publisher.PublishException.class,
                            () -> publish(clients.forServer(http, ServerSettings.defaults()), http, "no"))
                    .getMessage();
            assertTrue(s.contains(ProxyFailures.SENTENCE), s);

            String https = "https://ntfy.test:" + secure.port();
            ServerSettings trusted = ServerSettings.defaults()
                    .withCaCertificate(tls.certificatePem().toString());
            String tunnel = assertThrows(
                            Publisher.PublishException.class,
                            () -> publish(clients.forServer(https, trusted), https, "no"))
                    .getMessage();
            assertTrue(tunnel.contains(ProxyFailures.SENTENCE), tunnel);

            assertEquals(List.of(), proxy.requests());
            assertEquals(0, server.cachedMessages() + secure.cachedMessages());
        }
    }
}
