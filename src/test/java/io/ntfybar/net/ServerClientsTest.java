package io.ntfybar.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Message;
import io.ntfybar.model.PublishRequest;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.publish.Publisher;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testserver.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing to a server that requires a client certificate (mutual TLS) over real TLS on loopback: the right
 * certificate works; every way of getting it wrong is a sentence, and nothing is sent without TLS verified.
 */
class ServerClientsTest {
    @TempDir
    Path dir;

    TestTls.Mutual tls;
    NtfyTestServer server;
    Keychain keychain = Keychains.sessionOnly("tests");
    ServerClients clients;

    @BeforeEach
    void start() throws Exception {
        tls = TestTls.sharedMutual();
        server = NtfyTestServer.startMutualTls(TestServerConfig.defaults(), tls.serverContext());
        clients = new ServerClients(HttpClients.requests(HttpClients.streaming()), keychain);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ServerSettings trusted(Path p12) {
        return ServerSettings.defaults()
                .withCaCertificate(tls.serverCaPem().toString())
                .withClientCertificate(p12 == null ? null : p12.toString());
    }

    void password(String p) {
        keychain.save(CredentialsRef.clientCertificate(server.baseUrl()), p);
    }

    Message publish(ServerSettings s, String text) throws Publisher.PublishException {
        return new Publisher(clients.forServer(server.baseUrl(), s))
                .publish(ServerUrl.of(server.baseUrl()), Optional.empty(), PublishRequest.to("alerts", text));
    }

    String refusal(ServerSettings s) {
        return assertThrows(Publisher.PublishException.class, () -> publish(s, "must not arrive"))
                .getMessage();
    }

    @Test
    void theRightClientCertificateWithItsPasswordPublishes() throws Exception {
        password(TestTls.CLIENT_PASSWORD);
        Message m = publish(trusted(tls.clientP12()), "over mutual TLS");
        assertEquals("over mutual TLS", m.message());
        assertEquals(1, server.cachedMessages());
    }

    @Test
    void withoutAClientCertificateTheSentenceSaysTheServerRequiresOne() {
        String s = refusal(trusted(null));
        assertTrue(s.contains("requires a client certificate (mutual TLS) and none is set"), s);
        assertEquals(0, server.cachedMessages());
    }

    @Test
    void aCertificateTheServerDoesNotAcceptIsNamedInTheSentence() {
        password(TestTls.CLIENT_PASSWORD);
        String s = refusal(trusted(tls.strangerP12()));
        assertTrue(s.contains("refused the client certificate " + tls.strangerP12()), s);
        assertEquals(0, server.cachedMessages());
    }

    @Test
    void anUntrustedServerIsRefusedEvenWithTheRightClientCertificate() {
        password(TestTls.CLIENT_PASSWORD);
        String s = refusal(
                ServerSettings.defaults().withClientCertificate(tls.clientP12().toString()));
        assertTrue(s.contains("is not trusted (self-signed or from a private CA)"), s);
        assertTrue(s.contains("never turns certificate checks off"), s);
        assertEquals(0, server.cachedMessages());
    }

    @Test
    void aWrongPasswordAMissingFileAndAnExpiredCertificateGiveNoClientAtAll() throws Exception {
        password("not the password");
        TrustException wrong =
                assertThrows(TrustException.class, () -> clients.forServer(server.baseUrl(), trusted(tls.clientP12())));
        assertTrue(wrong.getMessage().contains("the password does not open " + tls.clientP12()), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("'client-certificate'"), wrong.getMessage());

        keychain.delete(CredentialsRef.clientCertificate(server.baseUrl()));
        String none =
                clients.problem(server.baseUrl(), trusted(tls.clientP12())).orElseThrow();
        assertTrue(none.contains("No password for it is stored in"), none);

        password(TestTls.CLIENT_PASSWORD);
        Path missing = dir.resolve("gone.p12");
        String gone = clients.problem(server.baseUrl(), trusted(missing)).orElseThrow();
        assertTrue(gone.contains(missing + " does not exist"), gone);

        String expired =
                clients.problem(server.baseUrl(), trusted(tls.expiredP12())).orElseThrow();
        assertTrue(expired.contains("expired on"), expired);

        Path notP12 = Files.writeString(dir.resolve("notes.p12"), "hello");
        String garbage = clients.problem(server.baseUrl(), trusted(notP12)).orElseThrow();
        assertTrue(garbage.startsWith("Cannot use the client certificate " + notP12), garbage);
        assertEquals(0, server.cachedMessages());
    }

    @Test
    void aReplacedFileOrANewPasswordIsReadAgainAndAnUnchangedOneIsNot() throws Exception {
        Path p12 = Files.copy(tls.clientP12(), dir.resolve("mine.p12"));
        password(TestTls.CLIENT_PASSWORD);
        OkHttpClient first = clients.forServer(server.baseUrl(), trusted(p12));
        assertSame(first, clients.forServer(server.baseUrl(), trusted(p12)));
        Files.copy(tls.strangerP12(), p12, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(p12, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        OkHttpClient second = clients.forServer(server.baseUrl(), trusted(p12));
        assertTrue(first != second, "a replaced file gives a new client");
        password("another");
        assertTrue(clients.problem(server.baseUrl(), trusted(p12)).isPresent(), "a new password is tried at once");
    }

    @Test
    void customHeadersGoToTheServerAndNeverToAnotherOrigin() throws Exception {
        password(TestTls.CLIENT_PASSWORD);
        ServerSettings s = trusted(tls.clientP12()).withHeaders(Map.of("X-Proxy-Key", "k-123"));
        publish(s, "with a header");
        assertEquals("k-123", last(server).headers().get("x-proxy-key"));

        try (NtfyTestServer other = NtfyTestServer.start()) {
            OkHttpClient client = clients.forServer(server.baseUrl(), s);
            try (Response r = client.newCall(new Request.Builder()
                            .url(other.baseUrl() + "/v1/health")
                            .build())
                    .execute()) {
                assertEquals(200, r.code());
            }
            assertNull(last(other).headers().get("x-proxy-key"), "another origin gets none");
        }
    }

    @Test
    void theClientCertificateIsOfferedOnlyToItsOwnServer() throws Exception {
        password(TestTls.CLIENT_PASSWORD);
        OkHttpClient client = clients.forServer(server.baseUrl(), trusted(tls.clientP12()));
        try (NtfyTestServer other = NtfyTestServer.startMutualTls(TestServerConfig.defaults(), tls.serverContext())) {
            Request r =
                    new Request.Builder().url(other.baseUrl() + "/v1/health").build();
            Exception e = assertThrows(
                    java.io.IOException.class, () -> client.newCall(r).execute().close());
            assertTrue(e.getMessage().contains("requires a client certificate"), e.getMessage());
        }
        try (Response ok = client.newCall(new Request.Builder()
                        .url(server.baseUrl() + "/v1/health")
                        .build())
                .execute()) {
            assertEquals(200, ok.code());
        }
    }

    @Test
    void aFileInTheHomeFolderMayBeNamedWithATilde() throws Exception {
        Path home = Path.of(System.getProperty("user.home"));
        Path p12 = Files.createTempFile(home, ".ntfybar-test-", ".p12");
        try {
            Files.copy(tls.clientP12(), p12, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            password(TestTls.CLIENT_PASSWORD);
            ServerSettings s = trusted(null).withClientCertificate("~/" + p12.getFileName());
            assertEquals(Optional.empty(), clients.problem(server.baseUrl(), s));
            assertEquals("over a tilde", publish(s, "over a tilde").message());
        } finally {
            Files.deleteIfExists(p12);
        }
    }

    @Test
    void headersThatCannotBeSentAreASentence() {
        String s = clients.problem(server.baseUrl(), ServerSettings.defaults().withHeaders(Map.of("X-Name", "Jürgen")))
                .orElseThrow();
        assertTrue(s.contains("The header 'X-Name'") && s.contains("printable ASCII"), s);
    }

    private static NtfyTestServer.Recorded last(NtfyTestServer s) {
        var all = s.requests();
        return all.get(all.size() - 1);
    }
}
