package io.ntfybar.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Section 11 vectors about authentication and authorisation (44 to 50), over real HTTP on loopback. */
class AuthVectorsTest {
    private NtfyTestServer server;
    private TestClient client;

    private void start(TestServerConfig config) {
        server = NtfyTestServer.start(config);
        client = new TestClient(server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String basic(String user, String pass) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    }

    static String authQuery(String headerValue) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(headerValue.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertCode(HttpResponse<String> r, int status, int code) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, TestClient.json(r.body()).path("code").asInt(), r.body());
    }

    @Test
    void vector44_adminAuthSucceeds() {
        start(TestServerConfig.defaults());
        server.auth().enable(TestAuth.Access.DENY_ALL).addUser("phil", "phil", true);
        HttpResponse<String> r = client.get("/mytopic/auth", "Authorization", basic("phil", "phil"));
        assertEquals(200, r.statusCode());
        assertEquals("{\"success\":true}\n", r.body());
    }

    @Test
    void vector45_userNeedsEveryTopic() {
        start(TestServerConfig.defaults());
        server.auth()
                .enable("deny-all")
                .addUser("ben", "ben", false)
                .allow("ben", "mytopic", true, true)
                .allow("ben", "anothertopic", true, true);
        assertCode(
                client.get("/mytopic,anothertopic,NOT-THIS-ONE/auth", "Authorization", basic("ben", "ben")),
                403,
                40301);
        assertEquals(
                200,
                client.get("/mytopic,anothertopic/auth", "Authorization", basic("ben", "ben"))
                        .statusCode());
    }

    @Test
    void vector46_wrongPasswordIs401() {
        start(TestServerConfig.defaults());
        server.auth().enable(TestAuth.Access.READ_WRITE).addUser("phil", "phil", true);
        assertCode(client.get("/mytopic/auth", "Authorization", basic("phil", "INVALID")), 401, 40101);
        assertCode(client.get("/mytopic/json?poll=1", "Authorization", basic("nobody", "x")), 401, 40101);
    }

    @Test
    void vector47_everyoneRulesForAnonymous() {
        start(TestServerConfig.defaults());
        server.auth()
                .enable(TestAuth.Access.READ_WRITE)
                .allow(TestAuth.EVERYONE, "announcements", true, false)
                .deny("everyone", "private");
        assertCode(client.put("/announcements", "x"), 403, 40301);
        assertEquals(200, client.get("/announcements/json?poll=1").statusCode());
        assertCode(client.get("/private/json?poll=1"), 403, 40301);
        assertEquals(200, client.put("/other", "x").statusCode());
    }

    @Test
    void vector48_authQueryParameter() {
        start(TestServerConfig.defaults());
        server.auth()
                .enable(TestAuth.Access.DENY_ALL)
                .addUser("ben", "some pass", false)
                .allow("ben", "mytopic", true, false);
        assertEquals(
                200,
                client.get("/mytopic/json?poll=1&auth=" + authQuery(basic("ben", "some pass")))
                        .statusCode());
        assertCode(client.get("/mytopic/json?poll=1&auth=" + authQuery(basic("ben", "wrong"))), 401, 40101);
        // the query parameter replaces the header
        assertEquals(
                200,
                client.get(
                                "/mytopic/json?poll=1&auth=" + authQuery(basic("ben", "some pass")),
                                "Authorization",
                                basic("ben", "wrong"))
                        .statusCode());
        String padded =
                Base64.getUrlEncoder().encodeToString(basic("ben", "some pass").getBytes(StandardCharsets.UTF_8));
        assertTrue(padded.endsWith("="));
        assertCode(client.get("/mytopic/json?poll=1&auth=" + padded), 500, 50001);
    }

    @Test
    void vector49_nonBasicSchemes() {
        start(TestServerConfig.defaults());
        server.auth().enable(TestAuth.Access.READ_WRITE);
        assertEquals(
                200,
                client.get("/mytopic/json?poll=1", "Authorization", "WebPush not-supported")
                        .statusCode());
        assertEquals(
                401,
                client.get("/mytopic/json?poll=1", "Authorization", "Bearer supported")
                        .statusCode());
        assertEquals(
                401,
                client.get("/mytopic/json?poll=1", "Authorization", "basic supported")
                        .statusCode());
    }

    @Test
    void vector50_authFailureRateLimit() {
        start(TestServerConfig.defaults().withAuthFailureBurst(10));
        server.auth().enable(TestAuth.Access.READ_WRITE).addUser("phil", "phil", false);
        for (int i = 0; i < 10; i++) {
            assertCode(client.get("/mytopic/auth", "Authorization", basic("phil", "INVALID")), 401, 40101);
        }
        assertCode(client.get("/mytopic/auth", "Authorization", basic("phil", "INVALID")), 429, 42909);
        assertCode(client.get("/mytopic/auth", "Authorization", basic("phil", "phil")), 429, 42909);
        assertEquals(200, client.get("/mytopic/auth").statusCode()); // anonymous requests are not limited
    }

    @Test
    void tokensAsBearerAndAsBasicPassword() {
        start(TestServerConfig.defaults());
        server.auth()
                .enable(TestAuth.Access.DENY_ALL)
                .addUser("ben", "pw", false)
                .allow("ben", "alerts-*", true, true);
        String token = server.auth().addToken("ben");
        assertTrue(token.matches("tk_[a-z0-9]{29}"), token);
        assertEquals(
                200,
                client.put("/alerts-disk", "x", "Authorization", "Bearer " + token)
                        .statusCode());
        assertEquals(
                200,
                client.get("/alerts-disk/json?poll=1", "Authorization", basic("", token))
                        .statusCode());
        assertCode(client.put("/other", "x", "Authorization", "Bearer " + token), 403, 40301);
        assertCode(client.get("/alerts-disk/json?poll=1"), 403, 40301); // anonymous: 403, never 401
        assertCode(client.get("/alerts-disk/json?poll=1", "Authorization", "Bearer tk_" + "x".repeat(29)), 401, 40101);
    }

    @Test
    void userRuleBeatsEveryoneRuleAndLongerPatternWins() {
        start(TestServerConfig.defaults());
        server.auth()
                .enable(TestAuth.Access.DENY_ALL)
                .addUser("ben", "pw", false)
                .allow("everyone", "news*", true, false)
                .allow("ben", "news*", true, true)
                .deny("ben", "news-secret");
        assertEquals(200, client.get("/news1/json?poll=1").statusCode());
        assertEquals(403, client.put("/news1", "x").statusCode());
        assertEquals(
                200,
                client.put("/news1", "x", "Authorization", basic("ben", "pw")).statusCode());
        assertEquals(
                403,
                client.get("/news-secret/json?poll=1", "Authorization", basic("ben", "pw"))
                        .statusCode());
    }

    @Test
    void filesNeedNoAuth() {
        start(TestServerConfig.defaults());
        server.auth().enable(TestAuth.Access.READ_WRITE).addUser("phil", "phil", true);
        String url = TestClient.json(
                        client.put("/mytopic?f=a.txt", "attachment body").body())
                .path("attachment")
                .path("url")
                .asText();
        server.auth().enable(TestAuth.Access.DENY_ALL);
        assertEquals(403, client.get("/mytopic/json?poll=1").statusCode());
        assertEquals(200, client.get(url.substring(server.baseUrl().length())).statusCode());
    }
}
