package io.ntfybar.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ntfybar.testsupport.Await;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Section 11 vectors about subscribing and polling, over real HTTP on loopback. */
class SubscribeVectorsTest {
    private NtfyTestServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = NtfyTestServer.start(
                TestServerConfig.defaults().withKeepalive(Duration.ofSeconds(1)).withMinDelay(Duration.ZERO));
        client = new TestClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void vector02_rawPollReplacesNewlines() {
        client.publish("/mytopic", "my first message");
        client.publish("/mytopic", "my second\n\nmessage");
        HttpResponse<String> r = client.get("/mytopic/raw?poll=1");
        assertEquals("my first message\nmy second  message\n", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void vector03_ssePollFraming() {
        String m1 = client.put("/mytopic", "my first message").body().trim();
        String m2 = client.put("/mytopic", "my second message").body().trim();
        HttpResponse<String> r = client.get("/mytopic/sse?poll=1&since=all");
        assertEquals("data: " + m1 + "\n\ndata: " + m2 + "\n\n", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    }

    @Test
    void vector04_openThenKeepalive() {
        try (TestClient.Stream s = client.stream("/mytopic/json")) {
            assertTrue(
                    s.response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
            JsonNode open = s.nextJson();
            JsonNode keepalive = s.nextJson();
            assertEquals("open", open.path("event").asText());
            assertEquals("mytopic", open.path("topic").asText());
            assertEquals("keepalive", keepalive.path("event").asText());
            assertEquals("mytopic", keepalive.path("topic").asText());
            for (JsonNode e : List.of(open, keepalive)) {
                assertEquals(12, e.path("id").asText().length());
                assertTrue(e.path("time").asLong() > 0);
                for (String key : List.of("message", "title", "priority", "tags", "expires")) {
                    assertFalse(e.has(key), key + " in " + e);
                }
            }
        }
    }

    /**
     * Polls with a duration as {@code since}, which the server turns into a whole second from its own clock, read
     * somewhere between our two readings; the answer must be the cached messages from one of those seconds on. On an
     * unhurried machine both readings give the same second, so the answer is exact.
     */
    private void assertRelativeSince(String since, long millis, List<JsonNode> published) {
        long before = System.currentTimeMillis();
        List<String> got = TestClient.texts(client.poll("/mytopic/json?poll=1&since=" + since));
        long after = System.currentTimeMillis();
        Set<List<String>> possible = new LinkedHashSet<>();
        for (long second = (before - millis) / 1000; second <= (after - millis) / 1000; second++) {
            long from = second;
            possible.add(published.stream()
                    .filter(m -> m.path("time").asLong() >= from)
                    .map(m -> m.path("message").asText())
                    .toList());
        }
        assertTrue(possible.contains(got), "since=" + since + " gave " + got + ", expected one of " + possible);
    }

    @Test
    void vector19_pollSinceForms() throws Exception {
        JsonNode t1 = client.publish("/mytopic", "test 1");
        long t1Time = t1.path("time").asLong();
        // Message times are whole seconds: test 2 must fall in a later second, and test 1 be over 100 ms before it.
        Await.until(
                "the clock 100 ms into the second after test 1",
                () -> System.currentTimeMillis() - 100 >= (t1Time + 1) * 1000);
        JsonNode t2 = client.publish("/mytopic", "test 2");
        long between = t1Time + 1;
        assertEquals(List.of("test 2"), TestClient.texts(client.poll("/mytopic/json?poll=1&since=" + between)));
        assertRelativeSince("10s", 10_000, List.of(t1, t2));
        assertRelativeSince("100ms", 100, List.of(t1, t2));
        assertEquals(List.of("test 2"), TestClient.texts(client.poll("/mytopic/json?poll=1&since=latest")));
        HttpResponse<String> invalid = client.get("/mytopic/json?poll=1&since=INVALID");
        assertEquals(400, invalid.statusCode());
        assertEquals(40008, TestClient.json(invalid.body()).path("code").asInt());
    }

    private List<JsonNode> sixAlternating() {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            out.add(client.publish(i % 2 == 1 ? "/mytopic1" : "/mytopic2", "message " + i));
        }
        return out;
    }

    @Test
    void vector20_sinceIdAcrossTopics() {
        List<JsonNode> sent = sixAlternating();
        List<JsonNode> got = client.poll(
                "/mytopic1,mytopic2/json?poll=1&since=" + sent.get(1).path("id").asText());
        assertEquals(List.of("message 3", "message 4", "message 5", "message 6"), TestClient.texts(got));
        assertEquals(
                List.of("mytopic1", "mytopic2", "mytopic1", "mytopic2"),
                got.stream().map(m -> m.path("topic").asText()).toList());
    }

    @Test
    void vector21_unknownSinceIdReplaysEverything() {
        sixAlternating();
        assertEquals(
                6,
                client.poll("/mytopic1,mytopic2/json?poll=1&since=NoMatchForID").size());
        assertEquals(3, client.poll("/mytopic1/json?poll=1&since=NoMatchForID").size());
    }

    private void filterData() {
        client.publish("/mytopic?priority=1&tags=tag1,tag2", "my first message");
        client.publish("/mytopic?title=a+title", "my second message", "Tags", "tag2,tag3");
    }

    @Test
    void vector22_filtersSelectFirst() {
        filterData();
        for (String q : List.of("priority=min,low", "p=2,min", "tags=tag1", "message=my+first+message")) {
            assertEquals(List.of("my first message"), TestClient.texts(client.poll("/mytopic/json?poll=1&" + q)), q);
        }
    }

    @Test
    void vector23_filtersSelectSecond() {
        filterData();
        for (String q : List.of(
                "poll=1&priority=3",
                "poll=1&priority=default",
                "poll=1&tags=tag2,tag3",
                "poll=1&ta=tag2,tag3",
                "poll=1&t=a+title",
                "poll=1&m=my+second+message",
                "po=1&m=my+second+message")) {
            assertEquals(List.of("my second message"), TestClient.texts(client.poll("/mytopic/json?" + q)), q);
        }
    }

    @Test
    void vector24_filtersSelectNothing() {
        filterData();
        for (String q : List.of("priority=4", "tags=tag1,tag2,tag3", "title=another+title")) {
            assertEquals(List.of(), client.poll("/mytopic/json?poll=1&" + q), q);
        }
        assertEquals(400, client.get("/mytopic/json?poll=1&priority=9").statusCode());
    }

    @Test
    void vector25_streamWithTagFilter() {
        try (TestClient.Stream s = client.stream("/mytopic/json?tags=zfs-issue")) {
            assertEquals("open", s.nextJson().path("event").asText());
            client.publish("/mytopic", "plain");
            client.publish("/mytopic", "zfs", "Tags", "zfs-issue,zfs-scrub");
            JsonNode m = s.nextJson();
            assertEquals("zfs", m.path("message").asText());
            assertEquals("keepalive", s.nextJson().path("event").asText());
        }
    }

    @Test
    void vector51_multiTopicPoll() {
        client.publish("/mytopic1", "one");
        client.publish("/mytopic2", "two");
        List<JsonNode> got = client.poll("/mytopic1,mytopic2/json?poll=1");
        assertEquals(List.of("one", "two"), TestClient.texts(got));
        assertEquals("mytopic1", got.get(0).path("topic").asText());
        assertEquals("mytopic2", got.get(1).path("topic").asText());
    }

    @Test
    void sseStreamFramingOpenHasEventLineMessageHasNone() {
        try (TestClient.Stream s = client.stream("/a,b/sse")) {
            assertEquals("event: open", s.next());
            String openData = s.next();
            assertTrue(openData.startsWith("data: {"), openData);
            assertEquals(
                    "a,b", TestClient.json(openData.substring(6)).path("topic").asText());
            assertEquals("", s.next());
            String sent = client.put("/b", "hello").body().trim();
            assertEquals("data: " + sent, s.next());
            assertEquals("", s.next());
            assertEquals("event: keepalive", s.next());
        }
    }

    @Test
    void rawStreamWritesEmptyLinesForOtherEvents() {
        try (TestClient.Stream s = client.stream("/mytopic/raw")) {
            assertEquals("", s.next()); // open
            client.publish("/mytopic", "a\nb");
            assertEquals("a b", s.next());
        }
    }

    @Test
    void streamWithoutSinceGetsNoCachedButSinceAllReplaysThenLive() {
        client.publish("/mytopic", "old");
        try (TestClient.Stream s = client.stream("/mytopic/json")) {
            assertEquals("open", s.nextJson().path("event").asText());
            client.publish("/mytopic", "new");
            assertEquals("new", s.nextJson().path("message").asText());
        }
        try (TestClient.Stream s = client.stream("/mytopic/json?since=all")) {
            assertEquals("open", s.nextJson().path("event").asText());
            assertEquals("old", s.nextJson().path("message").asText());
            assertEquals("new", s.nextJson().path("message").asText());
        }
    }

    @Test
    void sinceZeroIsAllAndSinceOneIsNone() {
        client.publish("/mytopic", "m");
        assertEquals(1, client.poll("/mytopic/json?poll=1&since=0").size());
        assertEquals(0, client.poll("/mytopic/json?poll=1&since=1").size());
        assertEquals(0, client.poll("/mytopic/json?poll=1&since=none").size());
        assertEquals(1, client.poll("/mytopic/json?poll=1", "X-Since", "all").size());
    }

    @Test
    void scheduledMessageIsDeliveredLiveWhenDue() {
        try (TestClient.Stream s = client.stream("/mytopic/json")) {
            assertEquals("open", s.nextJson().path("event").asText());
            long before = System.currentTimeMillis() / 1000;
            JsonNode sent = client.publish("/mytopic", "later", "In", "2s");
            assertTrue(sent.path("time").asLong() >= before + 2);
            JsonNode got = null;
            for (int i = 0; i < 10 && got == null; i++) {
                JsonNode e = s.nextJson();
                if (e.path("event").asText().equals("message")) {
                    got = e;
                }
            }
            assertEquals(sent.path("id").asText(), got.path("id").asText());
            assertTrue(System.currentTimeMillis() / 1000 >= sent.path("time").asLong());
        }
        assertEquals(1, client.poll("/mytopic/json?poll=1").size());
    }

    @Test
    void invalidTopicIs404() {
        assertEquals(404, client.get("/" + "a".repeat(65) + "/json?poll=1").statusCode());
        assertEquals(404, client.get("/a.b/json?poll=1").statusCode());
    }

    @Test
    void openStreamsCountsLiveSubscribers() {
        assertEquals(0, server.openStreams());
        TestClient.Stream s = client.stream("/mytopic/json");
        s.nextJson();
        assertEquals(1, server.openStreams());
        s.close();
        Await.value("the stream closed", server::openStreams, n -> n == 0);
    }

    @Test
    void publishManyFillsCacheFast() {
        server.publishMany("bulk", 50_000, i -> "m" + i);
        // Fast because it goes straight into the cache, not request by request.
        assertEquals(List.of(), server.requestLines());
        List<JsonNode> all = client.poll("/bulk/json?poll=1");
        assertEquals(50_000, all.size());
        assertEquals("m0", all.get(0).path("message").asText());
        assertEquals("m49999", all.get(49_999).path("message").asText());
    }

    @Test
    void keepaliveKeepsItsRhythmWhileMessagesFlow() throws Exception {
        try (TestClient.Stream s = client.stream("/busy/json")) {
            assertEquals("open", s.nextJson().path("event").asText());
            // A server that put its keepalive off with every message would never send one here.
            // Await polls every few milliseconds: one message a poll is a flow far denser than the 1 s keepalive.
            Await.until("a keepalive while messages flow (keepalive 1 s)", () -> {
                server.publish("busy", "tick");
                boolean sawKeepalive = false;
                String line;
                while ((line = s.poll(Duration.ZERO)) != null) {
                    sawKeepalive |= TestClient.json(line).path("event").asText().equals("keepalive");
                }
                return sawKeepalive;
            });
        }
    }
}
