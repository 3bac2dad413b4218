package io.ntfybar.testserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.Await;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault controls, each observed from a raw client socket. */
class FaultControlsTest {
    private NtfyTestServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = NtfyTestServer.start(TestServerConfig.defaults().withKeepalive(Duration.ofSeconds(1)));
        client = new TestClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Opens a raw JSON stream and reads its head and open event. */
    private RawConnection openStream(String topic) {
        RawConnection raw = new RawConnection(server);
        raw.get("/" + topic + "/json");
        RawConnection.Head head = raw.readHead();
        assertEquals(200, head.status());
        assertEquals("chunked", head.header("transfer-encoding"));
        String open = new String(raw.readChunk(), StandardCharsets.UTF_8);
        assertTrue(open.contains("\"event\":\"open\""), open);
        return raw;
    }

    private static String chunkText(RawConnection raw) {
        return new String(raw.readChunk(), StandardCharsets.UTF_8);
    }

    /** The next chunk that is not a keepalive. */
    private static String nextNonKeepalive(RawConnection raw) {
        for (int i = 0; i < 20; i++) {
            String s = chunkText(raw);
            if (!s.contains("\"event\":\"keepalive\"")) {
                return s;
            }
        }
        throw new AssertionError("only keepalives");
    }

    @Test
    void dropConnectionsClosesStreamsAndIdleConnections() {
        try (RawConnection stream = openStream("t");
                RawConnection idle = new RawConnection(server)) {
            idle.get("/v1/health");
            RawConnection.Head h = idle.readHead();
            idle.readBody(h);
            assertEquals(1, server.openStreams());
            server.dropConnections();
            assertTrue(idle.closesEventually());
            assertTrue(stream.closesEventually());
            Await.value("no open streams", server::openStreams, n -> n == 0);
        }
        assertEquals(200, client.get("/v1/health").statusCode()); // the server still listens
    }

    @Test
    void stallSendsNothingUntilUnstalled() {
        try (RawConnection stream = openStream("t");
                RawConnection other = new RawConnection(server)) {
            server.stall(true);
            server.publish("t", "held back");
            other.get("/v1/health");
            // Both writers reach the gate with something to send (the stream its message or a keepalive, the other
            // connection its answer); whatever was written before the stall may still be in the socket.
            Await.value("both writers held at the stall", server::heldWriters, n -> n == 2);
            assertFalse(stream.peekAvailable().contains("held back"), "a stalled stream sent the message");
            assertEquals("", other.peekAvailable(), "a stalled connection answered");
            assertEquals(1, server.openStreams());
            server.stall(false);
            assertTrue(nextNonKeepalive(stream).contains("\"message\":\"held back\""));
            assertEquals(200, other.readHead().status());
        }
    }

    @Test
    void injectRawWritesBytesAsTheyAre() {
        try (RawConnection stream = openStream("t")) {
            byte[] garbage = "this is not json\n".getBytes(StandardCharsets.UTF_8);
            byte[] invalidUtf8 = {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}', '\n'};
            byte[] huge = new byte[10 * 1024 * 1024 + 1];
            Arrays.fill(huge, (byte) 'a');
            huge[huge.length - 1] = '\n';
            server.injectRaw(garbage);
            server.injectRaw(invalidUtf8);
            server.injectRaw(huge);
            server.publish("t", "after");
            assertArrayEquals(garbage, nextChunkSkippingKeepalives(stream));
            assertArrayEquals(invalidUtf8, nextChunkSkippingKeepalives(stream));
            byte[] got = readBytes(stream, huge.length);
            assertArrayEquals(huge, got);
            assertTrue(nextNonKeepalive(stream).contains("\"message\":\"after\""));
        }
    }

    private static byte[] nextChunkSkippingKeepalives(RawConnection raw) {
        for (int i = 0; i < 20; i++) {
            byte[] b = raw.readChunk();
            if (!new String(b, StandardCharsets.ISO_8859_1).contains("\"event\":\"keepalive\"")) {
                return b;
            }
        }
        throw new AssertionError("only keepalives");
    }

    /** Reads n body bytes that may span several chunks (keepalives excluded). */
    private static byte[] readBytes(RawConnection raw, int n) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (out.size() < n) {
            out.writeBytes(nextChunkSkippingKeepalives(raw));
        }
        return out.toByteArray();
    }

    @Test
    void failNextAnswersWithStatusAndRetryAfter() {
        server.failNext(2, 429, Duration.ofSeconds(3));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = client.put("/t", "x");
            assertEquals(429, r.statusCode());
            assertEquals("3", r.headers().firstValue("Retry-After").orElse(""));
            assertEquals(42901, TestClient.json(r.body()).path("code").asInt());
        }
        assertEquals(200, client.put("/t", "x").statusCode());
        server.failNext(1, 500, null);
        HttpResponse<String> r = client.get("/t/json?poll=1");
        assertEquals(500, r.statusCode());
        assertFalse(r.headers().firstValue("Retry-After").isPresent());
        assertEquals(1, client.poll("/t/json?poll=1").size()); // failed publishes stored nothing
    }

    @Test
    void restartKeepsPortAndOptionallyCache() {
        int port = server.port();
        client.publish("/t", "before restart");
        try (RawConnection stream = openStream("t")) {
            server.restart(true);
            assertTrue(stream.closesEventually(), "restart must drop open streams");
        }
        assertEquals(port, server.port());
        assertEquals(1, client.poll("/t/json?poll=1").size());
        server.restart(false);
        assertEquals(port, server.port());
        assertEquals(0, client.poll("/t/json?poll=1").size());
    }

    @Test
    void requestLinesRecordsTargets() {
        client.get("/t/json?poll=1&since=all");
        client.put("/t", "x");
        assertTrue(
                server.requestLines().contains("GET /t/json?poll=1&since=all"),
                server.requestLines().toString());
        assertTrue(server.requestLines().contains("PUT /t"));
        assertTrue(server.requestLines().indexOf("GET /t/json?poll=1&since=all")
                < server.requestLines().indexOf("PUT /t"));
    }
}
