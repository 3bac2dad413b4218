package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.NtfyUrls;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestAuth;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testsupport.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Protected topics: Basic and token logins, wrong credentials, forbidden topics among allowed ones. */
class EngineAuthTest {
    private static final String PASSWORD = "Sup3r-Secret-Pa55word";

    @TempDir
    Path dir;

    NtfyTestServer server;
    EngineFixture f;

    @BeforeEach
    void start() {
        server = NtfyTestServer.start(TestServerConfig.defaults().withKeepalive(Duration.ofSeconds(1)));
        server.auth().enable(TestAuth.Access.DENY_ALL).addUser("phil", PASSWORD, false);
        server.auth().allow("phil", "ok*", true, false);
        f = new EngineFixture(server, dir.resolve("db"), EngineFixture.FAST);
    }

    @AfterEach
    void stop() {
        f.close();
        server.close();
    }

    private void loginAs(String user, String secret, boolean token) {
        String base = server.baseUrl();
        f.keychain.save(token ? CredentialsRef.token(base) : new CredentialsRef(base, user), secret);
        f.settings =
                Settings.defaults().withServer(base, ServerSettings.defaults().withLogin(token ? null : user, token));
    }

    @Test
    void basicLoginReadsProtectedTopicsAndTheSecretIsNowhereOnDisk() throws Exception {
        loginAs("phil", PASSWORD, false);
        Subscription sub = f.subscribe("ok-alerts");
        f.start();
        f.awaitConnected();
        server.publish("ok-alerts", "for phil");
        f.awaitDispatched(1);
        assertEquals(List.of("for phil"), f.dispatchedTexts());
        assertEquals(List.of(), f.problems);
        f.engine.flush();
        assertEquals(1, f.storedCount(sub));
        f.close();
        // The secret must not be in the database, the settings or the logs (plain or as a Basic header).
        String basic = java.util.Base64.getEncoder()
                .encodeToString(("phil:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        Path logs = Path.of(System.getProperty("ntfybar.logdir", "target/test-logs"));
        if (Files.isDirectory(logs)) {
            try (Stream<Path> s = Files.walk(logs)) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith(".mv.db")), "the H2 file was scanned");
        for (Path p : files) {
            String content = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(!content.contains(PASSWORD) && !content.contains(basic), "secret found in " + p);
        }
    }

    @Test
    void credentialsAsTheAuthQueryParameterForProxiesThatDropTheHeader() throws Exception {
        String base = server.baseUrl();
        f.keychain.save(new CredentialsRef(base, "phil"), PASSWORD);
        ServerSettings inQuery = new ServerSettings(null, Map.of(), "phil", false, true, null, null);
        f.settings = Settings.defaults().withServer(base, inQuery);
        f.subscribe("ok-alerts");
        f.start();
        f.awaitConnected();
        server.publish("ok-alerts", "via auth=");
        f.awaitDispatched(1);
        assertEquals(List.of("via auth="), f.dispatchedTexts());
        String expected = NtfyUrls.withAuthParameter("", AuthorizationHeader.basic("phil", PASSWORD))
                .substring(1);
        assertTrue(
                server.requestLines().stream().anyMatch(l -> l.contains("/sse") && l.contains(expected)),
                "the stream carried the credentials in the query: " + server.requestLines());
    }

    @Test
    void tokenLoginWorks() throws Exception {
        String token = server.auth().addToken("phil");
        loginAs(null, token, true);
        f.subscribe("ok-alerts");
        f.start();
        f.awaitConnected();
        server.publish("ok-alerts", "via token");
        f.awaitDispatched(1);
        assertEquals(List.of("via token"), f.dispatchedTexts());
    }

    @Test
    void wrongPasswordMeansNeedsLoginAndNoRetryStorm() throws Exception {
        loginAs("phil", "wrong", false);
        Subscription a = f.subscribe("ok-a");
        Subscription b = f.subscribe("ok-b");
        f.addRetryYardstick();
        f.start();
        Await.value("needs-login for both", () -> List.copyOf(f.problems), p -> p.size() == 2);
        Set<Long> ids = new HashSet<>();
        for (TopicProblem p : f.problems) {
            assertEquals(TopicProblem.Kind.NEEDS_LOGIN, p.kind());
            ids.add(p.subscriptionId());
        }
        assertEquals(Set.of(a.id(), b.id()), ids);
        long requests = server.requestLines().size();
        // A stream on the ordinary back-off tries a few times meanwhile: a retry after the 401 would have come too.
        f.awaitYardstickRetries(3);
        assertEquals(requests, server.requestLines().size(), "no retries after a 401");
    }

    @Test
    void oneForbiddenTopicAmongTenLeavesTheOtherNineDelivering() throws Exception {
        loginAs("phil", PASSWORD, false);
        List<Subscription> allowed = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            allowed.add(f.subscribe("ok-" + i));
        }
        Subscription forbidden = f.subscribe("secret-topic");
        f.start();
        Await.value("the forbidden topic found", () -> List.copyOf(f.problems), p -> !p.isEmpty());
        assertEquals(1, f.problems.size());
        assertEquals(forbidden.id(), f.problems.get(0).subscriptionId());
        assertEquals(TopicProblem.Kind.FORBIDDEN, f.problems.get(0).kind());
        assertTrue(
                f.problems.get(0).sentence().contains("secret-topic"),
                f.problems.get(0).sentence());
        Await.value("the other nine reconnected", f::lastState, seen -> f.connected());
        for (Subscription s : allowed) {
            server.publish(s.topic(), "to " + s.topic());
        }
        f.awaitDispatched(9);
    }

    @Test
    void anonymousAccessToAProtectedTopicNeedsLogin() throws Exception {
        Subscription sub = f.subscribe("ok-alerts");
        f.start();
        Await.value("a problem", () -> List.copyOf(f.problems), p -> !p.isEmpty());
        assertEquals(sub.id(), f.problems.get(0).subscriptionId());
        assertEquals(TopicProblem.Kind.NEEDS_LOGIN, f.problems.get(0).kind());
    }
}
