package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Priority;
import java.util.List;
import org.junit.jupiter.api.Test;

class NtfyUrlsTest {
    private static final ServerUrl SERVER = ServerUrl.of("https://ntfy.example.com");

    @Test
    void multipleTopicsAreCommaJoinedInThePath() {
        assertEquals(
                "https://ntfy.example.com/a,b_2,c-3/json",
                NtfyUrls.stream(SERVER, List.of("a", "b_2", "c-3"), StreamFormat.JSON, SubscribeQuery.live()));
        assertEquals(
                "https://ntfy.example.com/a,b/sse",
                NtfyUrls.stream(SERVER, List.of("a", "b", "a"), StreamFormat.SSE, SubscribeQuery.live()));
        assertEquals(
                "https://ntfy.example.com/a/raw",
                NtfyUrls.stream(SERVER, List.of("a"), StreamFormat.RAW, SubscribeQuery.live()));
        assertEquals("https://ntfy.example.com/a,b/auth", NtfyUrls.auth(SERVER, List.of("a", "b")));
    }

    @Test
    void webSocketUrlsUseWsSchemes() {
        assertEquals(
                "wss://ntfy.example.com/a/ws",
                NtfyUrls.stream(SERVER, List.of("a"), StreamFormat.WS, SubscribeQuery.live()));
        assertEquals(
                "ws://localhost:8080/a/ws?since=all",
                NtfyUrls.stream(
                        ServerUrl.of("http://localhost:8080"),
                        List.of("a"),
                        StreamFormat.WS,
                        SubscribeQuery.live().withSince("all")));
    }

    @Test
    void pollSinceAndScheduledAreLowercaseQueryParameters() {
        SubscribeQuery q =
                SubscribeQuery.live().withPoll(true).withSince("sPs71M8A2Tab").withScheduled(true);
        assertEquals(
                "https://ntfy.example.com/t/json?poll=1&since=sPs71M8A2Tab&scheduled=1",
                NtfyUrls.stream(SERVER, List.of("t"), StreamFormat.JSON, q));
        assertEquals(
                "?since=1700000000", NtfyUrls.queryString(SubscribeQuery.live().withSinceTime(1_700_000_000)));
        assertEquals("?since=10m", NtfyUrls.queryString(SubscribeQuery.live().withSince("10m")));
        assertEquals("?since=1h30m", NtfyUrls.queryString(SubscribeQuery.live().withSince("1h30m")));
    }

    @Test
    void filtersAreEncodedAsLowercaseParameters() {
        SubscribeQuery q = SubscribeQuery.live()
                .withId("abcdefghijkl")
                .withMessage("my first message")
                .withTitle("a title & more")
                .withPriorities(List.of(Priority.MIN, Priority.LOW))
                .withTags(List.of("tag1", "zfs-issue"));
        assertEquals(
                "?id=abcdefghijkl&message=my%20first%20message&title=a%20title%20%26%20more"
                        + "&priority=1,2&tags=tag1,zfs-issue",
                NtfyUrls.queryString(q));
    }

    @Test
    void nonAsciiFilterValuesArePercentEncodedAsUtf8() {
        assertEquals(
                "?title=gr%C3%BC%C3%9F%20%F0%9F%9A%A8",
                NtfyUrls.queryString(SubscribeQuery.live().withTitle("grüß 🚨")));
    }

    @Test
    void invalidSinceIsRefusedBeforeTheServerSays400() {
        ProtocolException e = assertThrows(
                ProtocolException.class, () -> SubscribeQuery.live().withSince("yesterday"));
        assertEquals(
                "since 'yesterday' is not valid; use all, latest, none, a 12-character message id, a unix "
                        + "time or a duration such as 10m",
                e.getMessage());
        assertThrows(ProtocolException.class, () -> SubscribeQuery.live().withSince("2d"));
        assertThrows(ProtocolException.class, () -> SubscribeQuery.live().withSince("hwQ2YpKdmg"));
    }

    @Test
    void invalidTopicsAreRefusedWithAClearSentence() {
        assertEquals(
                "the topic 'my.topic' contains '.'; a topic may only use letters, digits, '-' and '_'",
                assertThrows(ProtocolException.class, () -> TopicName.validate("my.topic"))
                        .getMessage());
        assertEquals(
                "the topic is too long (65 characters, at most 64)",
                assertThrows(ProtocolException.class, () -> TopicName.validate("a".repeat(65)))
                        .getMessage());
        assertEquals(
                "the topic is empty; a topic is 1 to 64 letters, digits, '-' or '_'",
                assertThrows(ProtocolException.class, () -> TopicName.validate(""))
                        .getMessage());
        assertEquals(
                "the topic 'grüße' contains 'ü'; a topic may only use letters, digits, '-' and '_'",
                assertThrows(ProtocolException.class, () -> TopicName.validate("grüße"))
                        .getMessage());
        assertEquals(
                "at least one topic is needed",
                assertThrows(
                                ProtocolException.class,
                                () -> NtfyUrls.stream(SERVER, List.of(), StreamFormat.JSON, SubscribeQuery.live()))
                        .getMessage());
        assertThrows(
                ProtocolException.class,
                () -> NtfyUrls.stream(SERVER, List.of("ok", "a,b"), StreamFormat.JSON, SubscribeQuery.live()));
        assertTrue(TopicName.isValid("a".repeat(64)));
        assertFalse(TopicName.isValid("with space"));
    }

    @Test
    void serverUrlIsNormalised() {
        assertEquals("https://ntfy.sh", ServerUrl.of("ntfy.sh").value());
        assertEquals("https://ntfy.sh", ServerUrl.of(" https://ntfy.sh/ ").value());
        assertEquals("https://ntfy.sh", ServerUrl.of("HTTPS://NTFY.SH:443//").value());
        assertEquals(
                "http://10.0.0.2:8080", ServerUrl.of("http://10.0.0.2:8080/").value());
        assertEquals("http://localhost", ServerUrl.of("http://localhost:80").value());
        assertEquals(
                "https://example.com/ntfy", ServerUrl.of("example.com/ntfy/").value());
        assertEquals("http://[::1]:2586", ServerUrl.of("http://[::1]:2586").value());
        assertEquals(ServerUrl.NTFY_SH, ServerUrl.of("ntfy.sh/"));
    }

    @Test
    void badServerUrlsAreRefusedWithoutEchoingCredentials() {
        assertEquals(
                "the server URL must start with http:// or https://, not 'ftp://'",
                assertThrows(ProtocolException.class, () -> ServerUrl.of("ftp://ntfy.sh"))
                        .getMessage());
        assertEquals(
                "the server URL is empty; enter one like https://ntfy.sh",
                assertThrows(ProtocolException.class, () -> ServerUrl.of("  ")).getMessage());
        String withPassword = assertThrows(ProtocolException.class, () -> ServerUrl.of("https://phil:s3cret@ntfy.sh"))
                .getMessage();
        assertEquals(
                "the server URL must not contain a user name or password; enter them as the server's login",
                withPassword);
        String broken = assertThrows(ProtocolException.class, () -> ServerUrl.of("https://phil:s3cret@ntfy .sh"))
                .getMessage();
        assertFalse(broken.contains("s3cret"), broken);
        assertThrows(ProtocolException.class, () -> ServerUrl.of("https://ntfy.sh/?x=1"));
        assertThrows(ProtocolException.class, () -> ServerUrl.of("https:///path"));
    }

    @Test
    void fullTopicUrlIsSplitIntoServerAndTopic() {
        TopicUrl t = TopicUrl.parse("https://ntfy.example.com/mytopic");
        assertEquals(SERVER, t.server());
        assertEquals("mytopic", t.topic());
        assertEquals(new TopicUrl(ServerUrl.NTFY_SH, "alerts"), TopicUrl.parse("ntfy.sh/alerts/"));
        assertEquals(
                new TopicUrl(ServerUrl.of("http://host:8080/prefix"), "t"),
                TopicUrl.parse("http://host:8080/prefix/t"));
        assertEquals(new TopicUrl(ServerUrl.NTFY_SH, "alerts"), TopicUrl.parse("alerts", ServerUrl.NTFY_SH));
        assertEquals(new TopicUrl(SERVER, "x"), TopicUrl.parse("ntfy.example.com/x", ServerUrl.NTFY_SH));
    }

    @Test
    void topicUrlWithoutTopicIsRefused() {
        assertEquals(
                "the topic URL 'https://ntfy.sh/' has no topic; use the form https://ntfy.sh/mytopic",
                assertThrows(ProtocolException.class, () -> TopicUrl.parse("https://ntfy.sh/"))
                        .getMessage());
        assertThrows(ProtocolException.class, () -> TopicUrl.parse("ntfy.sh"));
        assertThrows(ProtocolException.class, () -> TopicUrl.parse("https://ntfy.sh/bad.topic"));
    }

    @Test
    void shortUrlStripsTheSchemeAndKeepsThePort() {
        assertEquals("ntfy.sh/alerts", TopicUrl.parse("https://ntfy.sh/alerts").shortUrl());
        assertEquals(
                "10.0.0.2:8080/alerts",
                TopicUrl.parse("http://10.0.0.2:8080/alerts").shortUrl());
        assertEquals("10.0.0.2:8080", ServerUrl.of("http://10.0.0.2:8080/ntfy").authority());
    }

    @Test
    void publishAndFileUrls() {
        assertEquals("https://ntfy.example.com/mytopic", NtfyUrls.publish(new TopicUrl(SERVER, "mytopic")));
        assertEquals("https://ntfy.example.com/", NtfyUrls.jsonPublish(SERVER));
        assertEquals("https://ntfy.example.com/file/sPs71M8A2Tab.png", NtfyUrls.file(SERVER, "sPs71M8A2Tab", "png"));
        assertEquals("https://ntfy.example.com/file/sPs71M8A2Tab", NtfyUrls.file(SERVER, "sPs71M8A2Tab", null));
        assertThrows(ProtocolException.class, () -> NtfyUrls.file(SERVER, "../etc", "png"));
        assertThrows(ProtocolException.class, () -> NtfyUrls.file(SERVER, "abc", "tar.gz"));
    }

    @Test
    void sameServerCheckDecidesWhetherCredentialsMayBeSent() {
        assertTrue(SERVER.isSameServer("https://ntfy.example.com/file/abc.png"));
        assertTrue(SERVER.isSameServer("https://NTFY.example.com:443/file/abc.png?x=1"));
        assertFalse(SERVER.isSameServer("http://ntfy.example.com/file/abc.png"));
        assertFalse(SERVER.isSameServer("https://ntfy.example.com.evil.org/file/abc.png"));
        assertFalse(SERVER.isSameServer("https://evil.org/https://ntfy.example.com"));
        assertFalse(ServerUrl.of("https://h/ntfy").isSameServer("https://h/ntfy2/file/x"));
        assertFalse(SERVER.isSameServer("not a url"));
        assertFalse(SERVER.isSameServer(null));
    }

    @Test
    void authParameterIsUrlSafeBase64WithoutPaddingOfTheWholeHeader() {
        AuthorizationHeader basic = AuthorizationHeader.basic("ben", "some pass");
        assertEquals("Basic YmVuOnNvbWUgcGFzcw==", basic.value());
        assertEquals("QmFzaWMgWW1WdU9uTnZiV1VnY0dGemN3PT0", basic.queryValue());
        assertEquals(
                "https://h/t/json?poll=1&auth=QmFzaWMgWW1WdU9uTnZiV1VnY0dGemN3PT0",
                NtfyUrls.withAuthParameter("https://h/t/json?poll=1", basic));
        assertEquals(
                "https://h/t/ws?auth=QmFzaWMgWW1WdU9uTnZiV1VnY0dGemN3PT0",
                NtfyUrls.withAuthParameter("https://h/t/ws", basic));
        String q =
                AuthorizationHeader.bearer("tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2").queryValue();
        assertFalse(q.contains("=") || q.contains("+") || q.contains("/"), q);
    }

    @Test
    void authorizationHeaderValues() {
        assertEquals(
                "Bearer tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2",
                AuthorizationHeader.bearer(" tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2 ").value());
        assertEquals(
                "Basic OnRrX0FnUWRxN21WQm9GRDM3elFWTjI5Umh1TXpOSXoy",
                AuthorizationHeader.basic("", "tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2")
                        .value());
        assertEquals(
                "Basic cGhpbDpww6Rzcw==",
                AuthorizationHeader.basic("phil", "päss").value());
        assertEquals(
                "the user name must not contain ':'",
                assertThrows(ProtocolException.class, () -> AuthorizationHeader.basic("a:b", "p"))
                        .getMessage());
        assertThrows(ProtocolException.class, () -> AuthorizationHeader.basic("a", "p\r\nX-Evil: 1"));
        assertThrows(ProtocolException.class, () -> AuthorizationHeader.bearer(" "));
        assertThrows(ProtocolException.class, () -> AuthorizationHeader.bearer("tk_a b"));
    }

    @Test
    void authorizationHeaderNeverShowsItsSecretInToString() {
        AuthorizationHeader basic = AuthorizationHeader.basic("phil", "s3cret");
        assertEquals("AuthorizationHeader[Basic …]", basic.toString());
        assertEquals(
                "AuthorizationHeader[Bearer …]",
                AuthorizationHeader.bearer("tk_x").toString());
    }
}
