package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testsupport.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stalls, hostile streams, rate limits, many topics and sleep. */
class EngineRobustnessTest {
    @TempDir
    Path dir;

    NtfyTestServer server;
    EngineFixture f;

    @BeforeEach
    void start() {
        server = NtfyTestServer.start(TestServerConfig.defaults().withKeepalive(Duration.ofSeconds(1)));
        f = new EngineFixture(server, dir.resolve("db"), EngineFixture.FAST);
    }

    @AfterEach
    void stop() {
        f.close();
        server.close();
    }

    @Test
    void aStalledStreamIsNoticedAndReopenedWithoutLosingMessages() throws Exception {
        f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        long requests = f.subscribeRequests();
        // The engine learns the server's 1 s interval from the gap between two keepalives on one stream; bytes
        // flushed before the stall still reach it. Without learning it would allow 2 x 45 s, past the await's deadline.
        long keepalives = server.keepalivesSent();
        Await.value("three keepalives sent on the stream", server::keepalivesSent, n -> n >= keepalives + 3);
        assertEquals(requests, f.subscribeRequests(), "the keepalives were heard on one stream");
        server.stall(true);
        server.publish("alerts", "during the stall");
        Await.value("a reconnect after the stall", f::subscribeRequests, n -> n > requests);
        server.stall(false);
        f.awaitDispatched(1);
        assertEquals(List.of("during the stall"), f.dispatchedTexts());
    }

    @Test
    void hostileStreamContentIsSkippedAndTheConnectionKeepsWorking() throws Exception {
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        long requests = f.subscribeRequests();
        List<byte[]> junk = new ArrayList<>();
        junk.add("this is not SSE at all\n\n".getBytes(StandardCharsets.UTF_8));
        junk.add("data: {not json\n\n".getBytes(StandardCharsets.UTF_8));
        junk.add(("data: " + "x".repeat(10 * 1024 * 1024) + "\n\n").getBytes(StandardCharsets.UTF_8));
        junk.add(concat(
                "data: {\"id\":\"abcdefghijkl\",\"time\":1,\"event\":\"message\",\"topic\":\"alerts\",\"message\":\"",
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                "\"}\n\n"));
        junk.add(
                "event: future\ndata: {\"id\":\"abcdefghijkm\",\"time\":1,\"event\":\"future_event\",\"topic\":\"alerts\"}\n\n"
                        .getBytes(StandardCharsets.UTF_8));
        junk.add("data: {\"id\":\"abcdefghijkn\",\"time\":\"yesterday\",\"event\":\"message\",\"topic\":\"alerts\"}\n\n"
                .getBytes(StandardCharsets.UTF_8));
        junk.add("data: {\"id\":12,\"time\":1,\"event\":\"message\",\"topic\":\"alerts\",\"priority\":\"high\"}\n\n"
                .getBytes(StandardCharsets.UTF_8));
        junk.add("data: [1,2,3]\n\n".getBytes(StandardCharsets.UTF_8));
        for (byte[] j : junk) {
            server.injectRaw(j);
        }
        server.publish("alerts", "the next good message");
        f.awaitDispatched(1);
        f.engine.flush();
        assertEquals(List.of("the next good message"), f.dispatchedTexts());
        assertEquals(1, f.storedCount(sub), "nothing malformed was stored");
        assertEquals(requests, f.subscribeRequests(), "the stream was not dropped for bad content");
    }

    @Test
    void tooManyRequestsBacksOffForTheRetryAfterTime() throws Exception {
        f.subscribeFetched("alerts"); // so that the first request is the stream, not the history poll
        server.failNext(1, 429, Duration.ofSeconds(2));
        Instant before = Instant.now();
        f.start();
        ConnectionState.BackingOff b = backingOff("alerts");
        assertTrue(!b.retryAt().isBefore(before.plusMillis(1900)), "waits for Retry-After: " + b.retryAt());
        f.awaitConnected();
        server.publish("alerts", "after the limit");
        f.awaitDispatched(1);
    }

    @Test
    void tooManyRequestsWithoutRetryAfterWaitsAMinute() throws Exception {
        f.subscribeFetched("alerts"); // so that the first request is the stream, not the history poll
        server.failNext(1, 429, null);
        f.addRetryYardstick();
        Instant before = Instant.now();
        f.start();
        ConnectionState.BackingOff b = backingOff("alerts");
        assertTrue(!b.retryAt().isBefore(before.plusSeconds(59)), "ntfy's limiter refills once a minute: " + b);
        // A stream on the ordinary back-off tries a few times meanwhile: a storm would have retried here too.
        f.awaitYardstickRetries(3);
        assertEquals(1, f.subscribeRequests(), "no retry storm");
    }

    @Test
    void aThousandTopicsOnOneServerAllDeliverAndSleepReconnectsThem() throws Exception {
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            subs.add(f.subscribe(String.format("topic-%04d-with-a-longer-name", i)));
        }
        int streams = TopicSplitter.split(
                        subs.stream().map(Subscription::topic).toList(), "", EngineFixture.FAST.maxRequestLine())
                .size();
        assertTrue(streams > 1, "1000 topics do not fit in one 4 KB request line");
        f.start();
        Await.value("all " + streams + " streams open", server::openStreams, n -> n == streams);
        for (String line : server.requestLines()) {
            assertTrue(line.length() <= 4096, "request line of " + line.length() + " bytes");
        }
        for (Subscription s : subs) {
            server.publish(s.topic(), "to " + s.topic());
        }
        f.awaitDispatched(1000);
        f.engine.flush();
        for (Subscription s : subs) {
            assertEquals(1, f.storedCount(s), s.topic());
        }
        long requests = f.subscribeRequests();
        f.wallClockOffset.addAndGet(Duration.ofMinutes(30).toMillis()); // the machine "slept" half an hour
        Await.value(
                "every stream reconnected after " + requests + " subscribe requests",
                f::subscribeRequests,
                n -> n >= requests + streams);
        server.publish(subs.get(500).topic(), "after sleep");
        f.awaitDispatched(1001);
    }

    /** Waits for the first back-off reported for the stream of {@code topic}. */
    private ConnectionState.BackingOff backingOff(String topic) {
        return (ConnectionState.BackingOff)
                Await.value("a back-off report for " + topic, () -> f.statesOf(topic), states -> states.stream()
                                .anyMatch(s -> s instanceof ConnectionState.BackingOff))
                        .stream()
                        .filter(s -> s instanceof ConnectionState.BackingOff)
                        .findFirst()
                        .orElseThrow();
    }

    private static byte[] concat(String a, byte[] b, String c) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] z = c.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + b.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(b, 0, out, x.length, b.length);
        System.arraycopy(z, 0, out, x.length + b.length, z.length);
        return out;
    }
}
