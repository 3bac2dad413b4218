package io.ntfybar.ui.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.testserver.TestTls;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Server trust part on the real core against a server that requires a client certificate. */
class ServerTrustViewModelTest {
    @TempDir
    Path home;

    TestTls.Mutual tls;
    TestCore t;
    Subscription sub;
    String base;

    @BeforeEach
    void start() throws Exception {
        tls = TestTls.sharedMutual();
        t = TestCore.startMutualTls(home, tls.serverContext());
        base = t.server.baseUrl();
        sub = t.core.subscriptions().add(Subscription.of(base, "alerts").withInitialFetchDone(true));
        t.core.subscriptionsChanged();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    SubscriptionSettingsViewModel vm() {
        SubscriptionSettingsViewModel vm = new SubscriptionSettingsViewModel(t.core, UiThreads.direct());
        vm.load(sub.id());
        return vm;
    }

    ServerSettings server() {
        return t.core.settings().server(base);
    }

    Optional<String> savedPassword() {
        return t.core.keychain().load(CredentialsRef.clientCertificate(base));
    }

    boolean connected() {
        return t.core.connections().stream().anyMatch(r -> r.state() instanceof ConnectionState.Connected);
    }

    void fill(ServerTrustViewModel trust, String password) {
        trust.start();
        trust.caFileProperty().set(tls.serverCaPem().toString());
        trust.clientFileProperty().set(tls.clientP12().toString());
        trust.clientPasswordProperty().set(password);
    }

    @Test
    void certificatesAndHeadersAreCheckedCopiedSavedAndTheServerConnects() throws Exception {
        ServerTrustViewModel trust = vm().serverTrust();
        assertEquals(
                "System CAs · no client certificate · no headers",
                trust.summaryProperty().get());
        fill(trust, TestTls.CLIENT_PASSWORD);
        trust.readCa();
        assertTrue(
                trust.caInfoProperty().get().startsWith("ntfybar test server, SHA-256 "),
                trust.caInfoProperty().get());
        assertTrue(
                trust.caInfoProperty().get().contains(", valid until 20"),
                trust.caInfoProperty().get());
        trust.headersProperty().set("X-Proxy-Key: k-42\n\n");

        trust.save();

        assertEquals("", trust.errorProperty().get());
        assertTrue(
                trust.infoProperty().get().startsWith("Saved"),
                trust.infoProperty().get());
        assertFalse(trust.editingProperty().get());
        Path certs = home.resolve("config/certs");
        assertEquals(certs.resolve("127.0.0.1_" + t.server.port() + "-ca.pem").toString(), server().caCertificate());
        assertEquals(
                certs.resolve("127.0.0.1_" + t.server.port() + "-client.p12").toString(), server().clientCertificate());
        assertEquals(-1, Files.mismatch(tls.clientP12(), Path.of(server().clientCertificate())), "a true copy");
        assertEquals(Map.of("X-Proxy-Key", "k-42"), server().headers());
        assertEquals(Optional.of(TestTls.CLIENT_PASSWORD), savedPassword());
        String yml = Files.readString(home.resolve("config/settings.yml"));
        assertFalse(yml.contains(TestTls.CLIENT_PASSWORD), "the password is only in the keychain");
        assertTrue(
                trust.summaryProperty().get().contains("client certificate 127.0.0.1_"),
                trust.summaryProperty().get());

        Await.until("connected over mutual TLS", this::connected);
        t.publishAndWait("alerts", "hello over mutual TLS");
        assertTrue(t.server.requests().stream()
                .filter(r -> r.line().startsWith("GET /alerts"))
                .allMatch(r -> "k-42".equals(r.headers().get("x-proxy-key"))));
    }

    @Test
    void aWrongPasswordIsRefusedBeforeAnythingIsSaved() {
        ServerTrustViewModel trust = vm().serverTrust();
        fill(trust, "not it");
        trust.save();
        assertTrue(
                trust.errorProperty().get().startsWith("Cannot use it: the password does not open "),
                trust.errorProperty().get());
        assertTrue(trust.editingProperty().get(), "the fields stay for another try");
        assertNull(server().clientCertificate());
        assertNull(server().caCertificate());
        assertEquals(Optional.empty(), savedPassword());
        assertFalse(Files.exists(home.resolve("config/certs")), "nothing was copied");
    }

    @Test
    void credentialsAndMalformedHeaderLinesAreRefusedWithASentence() {
        ServerTrustViewModel trust = vm().serverTrust();
        trust.start();
        trust.headersProperty().set("authorization: Bearer tk_x");
        trust.save();
        assertTrue(trust.errorProperty().get().startsWith("The header authorization cannot be set here"));
        trust.headersProperty().set("X-Ok: 1\nno colon here");
        trust.save();
        assertEquals(
                "Line 2 of the headers is not \"Name: value\": no colon here",
                trust.errorProperty().get());
        assertEquals(Map.of(), server().headers());
    }

    @Test
    void anUnchangedCertificateKeepsItsPasswordAndRemovingItForgetsThePassword() throws Exception {
        ServerTrustViewModel trust = vm().serverTrust();
        fill(trust, TestTls.CLIENT_PASSWORD);
        trust.save();
        Await.until("connected", this::connected);

        trust.start();
        assertEquals(server().clientCertificate(), trust.clientFileProperty().get());
        assertEquals("", trust.clientPasswordProperty().get(), "the password is never shown");
        trust.headersProperty().set("X-Extra: yes");
        trust.save();
        assertEquals("", trust.errorProperty().get());
        assertEquals(Optional.of(TestTls.CLIENT_PASSWORD), savedPassword(), "kept");

        trust.start();
        trust.clientFileProperty().set("");
        trust.save();
        assertNull(server().clientCertificate());
        assertEquals(Optional.empty(), savedPassword());
        Await.until("the server refuses again, with the reason", () -> t.core.connections().stream()
                .anyMatch(r -> r.state() instanceof ConnectionState.BackingOff b
                        && b.reason().contains("requires a client certificate")));
    }
}
