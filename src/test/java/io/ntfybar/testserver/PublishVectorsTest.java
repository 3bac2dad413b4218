package io.ntfybar.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Section 11 vectors about publishing, over real HTTP on loopback. */
class PublishVectorsTest {
    private NtfyTestServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = NtfyTestServer.start();
        client = new TestClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private void assertError(HttpResponse<String> r, int status, int code) {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode e = TestClient.json(r.body());
        assertEquals(code, e.path("code").asInt(), r.body());
        assertEquals(status, e.path("http").asInt());
        assertFalse(e.path("error").asText().isEmpty());
    }

    @Test
    void vector01_publishReturnsMessage() {
        long before = now();
        HttpResponse<String> r = client.put("/mytopic", "my first message");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().endsWith("}\n"));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode m = TestClient.json(r.body());
        assertTrue(m.path("id").asText().matches("[a-zA-Z0-9]{12}"), m.toString());
        assertEquals("message", m.path("event").asText());
        assertEquals("mytopic", m.path("topic").asText());
        assertEquals("my first message", m.path("message").asText());
        long time = m.path("time").asLong();
        assertTrue(time >= before && time <= now() + 1);
        assertEquals(time + 43200, m.path("expires").asLong());
        assertFalse(m.has("priority") || m.has("title") || m.has("tags"));
    }

    @Test
    void vector05_titleTagsPriorityHeaders() {
        JsonNode m =
                client.publish("/mytopic", "hi", "Title", " This is a title ", "X-Tags", "tag1,tag 2, tag3", "p", "1");
        assertEquals("This is a title", m.path("title").asText());
        assertEquals(1, m.path("priority").asInt());
        assertEquals(
                List.of("tag1", "tag 2", "tag3"),
                List.of(TestClient.MAPPER.convertValue(m.path("tags"), String[].class)));
    }

    @Test
    void vector06_priorityNamesViaGet() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(
                    i,
                    TestClient.json(client.get("/mytopic/publish?priority=" + i).body())
                            .path("priority")
                            .asInt(3));
        }
        assertEquals(
                1,
                TestClient.json(client.get("/mytopic/publish?priority=min").body())
                        .path("priority")
                        .asInt());
        assertEquals(
                2,
                TestClient.json(client.get("/mytopic/send?priority=low").body())
                        .path("priority")
                        .asInt());
        JsonNode def =
                TestClient.json(client.get("/mytopic/send?priority=default").body());
        assertEquals(3, def.path("priority").asInt(3));
        assertEquals(
                4,
                TestClient.json(client.get("/mytopic/send?priority=high").body())
                        .path("priority")
                        .asInt());
        assertEquals(
                5,
                TestClient.json(client.get("/mytopic/send?priority=max").body())
                        .path("priority")
                        .asInt());
        assertEquals(
                5,
                TestClient.json(client.get("/mytopic/trigger?priority=urgent").body())
                        .path("priority")
                        .asInt());
    }

    @Test
    void vector07_invalidPriority() {
        assertError(client.get("/mytopic/trigger?priority=INVALID"), 400, 40007);
    }

    @Test
    void vector08_rfc9218PriorityHeaderIsSkipped() {
        JsonNode m = client.publish("/mytopic", "x", "Priority", "u=4", "X-Priority", "5");
        assertEquals(5, m.path("priority").asInt());
    }

    @Test
    void vector09_queryPriorityWinsOverRfc9218Header() {
        JsonNode m = TestClient.json(client.send("POST", "/mytopic?priority=4", "x", "Priority", "u=9")
                .body());
        assertEquals(4, m.path("priority").asInt());
    }

    @Test
    void vector10_getPublishToTwoTopicsIs404() {
        assertEquals(404, client.get("/mytopic,mytopic2/publish?m=hi").statusCode());
    }

    @Test
    void vector11_triggerWithoutBody() {
        HttpResponse<String> r = client.get("/mytopic/trigger");
        assertEquals(200, r.statusCode());
        assertEquals("triggered", TestClient.json(r.body()).path("message").asText());
    }

    @Test
    void vector12_publishViaGetWithParams() {
        long before = now();
        JsonNode m = TestClient.json(
                client.get("/mytopic/send?message=This+is+a+test&t=This+is+a+title&tags=skull&x-priority=5&delay=24h")
                        .body());
        assertEquals("This is a test", m.path("message").asText());
        assertEquals("This is a title", m.path("title").asText());
        assertEquals("skull", m.path("tags").get(0).asText());
        assertEquals(1, m.path("tags").size());
        assertEquals(5, m.path("priority").asInt());
        assertTrue(m.path("time").asLong() > before + 23 * 3600);
    }

    @Test
    void vector13_messageHeaderWithLiteralBackslashN() {
        JsonNode m = client.publish("/mytopic", "", "Message", "Line 1\\nLine 2");
        assertEquals("Line 1\nLine 2", m.path("message").asText());
    }

    @Test
    void vector14_disallowedTopic() {
        assertError(client.put("/docs", "fail"), 400, 40010);
    }

    @Test
    void vector15_cacheNo() {
        JsonNode m = client.publish("/mytopic", "not cached", "Cache", "no");
        assertFalse(m.has("expires"));
        assertEquals("not cached", m.path("message").asText());
        assertEquals(List.of(), client.poll("/mytopic/json?poll=1"));
    }

    @Test
    void vector16_scheduledMessageOnlyWithScheduledParam() {
        JsonNode m = client.publish("/mytopic", "later", "In", "1h");
        assertTrue(m.path("time").asLong() >= now() + 3500);
        assertEquals(List.of(), client.poll("/mytopic/json?poll=1"));
        List<JsonNode> scheduled = client.poll("/mytopic/json?poll=1&scheduled=1");
        assertEquals(1, scheduled.size());
        assertEquals(m.path("id").asText(), scheduled.get(0).path("id").asText());
    }

    @Test
    void vector17_delayLimits() {
        assertError(client.put("/mytopic", "x", "In", "1s"), 400, 40005);
        HttpResponse<String> tooLong = client.put("/mytopic", "x", "In", "99999999h");
        assertEquals(400, tooLong.statusCode());
        assertError(client.put("/mytopic?delay=INVALID", "x"), 400, 40004);
        assertError(client.put("/mytopic?x-in=99999h", "x"), 400, 40006);
    }

    @Test
    void vector18_delayWithCacheNo() {
        assertError(client.put("/mytopic", "x", "Cache", "no", "In", "30 min"), 400, 40002);
    }

    @Test
    void vector26_actionsShortSyntax() {
        JsonNode m = client.publish(
                "/mytopic",
                "x",
                "Actions",
                "view, Open portal, https://home.nest.com/; http, Turn down, https://api.nest.com/device/XZ1D2, body=target_temp_f=65");
        JsonNode a = m.path("actions");
        assertEquals(2, a.size());
        assertEquals("view", a.get(0).path("action").asText());
        assertEquals("Open portal", a.get(0).path("label").asText());
        assertEquals("https://home.nest.com/", a.get(0).path("url").asText());
        assertFalse(a.get(0).path("clear").asBoolean());
        assertTrue(a.get(0).has("clear"));
        assertEquals(10, a.get(0).path("id").asText().length());
        assertEquals("http", a.get(1).path("action").asText());
        assertEquals("Turn down", a.get(1).path("label").asText());
        assertEquals("https://api.nest.com/device/XZ1D2", a.get(1).path("url").asText());
        assertEquals("target_temp_f=65", a.get(1).path("body").asText());
        assertFalse(a.get(1).has("method"));
        List<JsonNode> polled = client.poll("/mytopic/json?poll=1");
        assertEquals(a, polled.get(0).path("actions"));
    }

    @Test
    void vector27_quotedLabelWithEscapes() {
        JsonNode m = client.publish(
                "/mytopic",
                "x",
                "Actions",
                "action=http, \"Look ma, \\\"quotes\\\"; and semicolons\", url=http://example.com");
        assertEquals(
                "Look ma, \"quotes\"; and semicolons",
                m.path("actions").get(0).path("label").asText());
    }

    @Test
    void vector28_singleQuotesEmojiAndClear() {
        String header =
                "http , 'Make love, not war \uD83D\uDC99\uD83E\uDEE4' , https://ntfy.sh ; view, \" yo \", https://x.org, clear=true";
        JsonNode m = client.publish("/mytopic", "x", "Actions", rfc2047(header));
        JsonNode a = m.path("actions");
        assertEquals(2, a.size());
        assertEquals(
                "Make love, not war \uD83D\uDC99\uD83E\uDEE4",
                a.get(0).path("label").asText());
        assertFalse(a.get(0).path("clear").asBoolean());
        assertEquals(" yo ", a.get(1).path("label").asText());
        assertTrue(a.get(1).path("clear").asBoolean());
    }

    @Test
    void vector29_invalidActions() {
        String[][] cases = {
            {";;;;", "only 3 actions allowed"},
            {"action=http, label=a label, body=somebody", "parameter 'url' is required for action 'http'"},
            {
                "action=http, label=a label, url=http://ntfy.sh, method=HEAD, body=somebody",
                "parameter 'body' cannot be set if method is HEAD"
            },
            {"http, label, http://x.org, clear=x", "clear"},
            {
                "label=\"Out of order!\" x, action=\"http\", url=http://example.com",
                "unexpected character 'x' at position 22"
            }
        };
        for (String[] c : cases) {
            HttpResponse<String> r = client.put("/mytopic", "x", "Actions", c[0]);
            assertError(r, 400, 40018);
            assertTrue(TestClient.json(r.body()).path("error").asText().contains(c[1]), c[0] + " -> " + r.body());
        }
    }

    @Test
    void vector30_markdown() {
        assertEquals(
                "text/markdown",
                client.publish("/mytopic", "**make this bold**", "Content-Type", "text/markdown")
                        .path("content_type")
                        .asText());
        assertEquals(
                "text/markdown",
                client.publish("/mytopic?md=1", "**make this bold**")
                        .path("content_type")
                        .asText());
        assertFalse(client.publish("/mytopic", "**bold**", "Content-Type", "not-markdown")
                .has("content_type"));
    }

    @Test
    void vector31_jsonPublish() {
        long before = now();
        String body = "{\"topic\":\"mytopic\",\"message\":\"A message\",\"title\":\"a title\\nwith lines\","
                + "\"tags\":[\"tag1\",\"tag 2\"],\"attach\":\"http://google.com\",\"filename\":\"google.pdf\","
                + "\"click\":\"http://ntfy.sh\",\"priority\":4,\"icon\":\"https://ntfy.sh/static/img/ntfy.png\","
                + "\"delay\":\"30min\"}";
        JsonNode m = client.publish("/", body);
        assertEquals("mytopic", m.path("topic").asText());
        assertEquals("A message", m.path("message").asText());
        assertEquals("a title\nwith lines", m.path("title").asText());
        assertEquals("tag 2", m.path("tags").get(1).asText());
        assertEquals("google.pdf", m.path("attachment").path("name").asText());
        assertEquals("http://google.com", m.path("attachment").path("url").asText());
        assertEquals("http://ntfy.sh", m.path("click").asText());
        assertEquals("https://ntfy.sh/static/img/ntfy.png", m.path("icon").asText());
        assertEquals(4, m.path("priority").asInt());
        long time = m.path("time").asLong();
        assertTrue(time >= before + 1790 && time <= now() + 1810, "time " + time);
    }

    @Test
    void vector32_invalidJsonPublish() {
        HttpResponse<String> r = client.put("/", "{\"topic\":\"mytopic\",INVALID");
        assertEquals(400, r.statusCode());
        assertEquals(40024, TestClient.json(r.body()).path("code").asInt());
    }

    @Test
    void vector43_rfc2047Headers() {
        JsonNode m = client.publish(
                "/mytopic",
                "",
                "X-Message",
                "=?UTF-8?B?8J+HqfCfh6o=?=",
                "X-Title",
                "=?UTF-8?B?bnRmeSDlvojmo5I=?=, no really I mean it! =?UTF-8?Q?This is q=C3=BC=C3=B6ted-print=C3=A4ble.?=",
                "X-Click",
                "=?uTf-8?b?aHR0cHM6Ly/wn5KpLmxh?=");
        assertEquals("\uD83C\uDDE9\uD83C\uDDEA", m.path("message").asText());
        assertEquals(
                "ntfy 很棒, no really I mean it! This is qüöted-printäble.",
                m.path("title").asText());
        assertEquals("https://\uD83D\uDCA9.la", m.path("click").asText());
    }

    @Test
    void jsonPublishBodyTooLargeIs41303() {
        String big = "{\"topic\":\"mytopic\",\"message\":\"" + "a".repeat(9000) + "\"}";
        HttpResponse<String> r = client.put("/", big);
        assertError(r, 413, 41303);
    }

    @Test
    void iconMustBeHttpUrl() {
        assertError(client.put("/mytopic", "x", "Icon", "ftp://x"), 400, 40021);
    }

    @Test
    void inProcessPublishUsesHeaderSemantics() {
        JsonNode m = TestClient.json(server.publish("mytopic", "hello", java.util.Map.of("Title", "T", "p", "high")));
        assertEquals("T", m.path("title").asText());
        assertEquals(4, m.path("priority").asInt());
        assertEquals(
                "hello",
                client.poll("/mytopic/json?poll=1").get(0).path("message").asText());
    }

    static String rfc2047(String s) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
