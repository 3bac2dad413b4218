package io.ntfybar.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 mechanics: the request-line limit, keep-alive, chunked request bodies, 100-continue. */
class HttpServerTest {
    private NtfyTestServer server;

    @BeforeEach
    void start() {
        server = NtfyTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A request line {@code GET /t/json?poll=1&x=aaa… HTTP/1.1} of exactly {@code length} bytes. */
    private static String requestLine(int length) {
        String prefix = "GET /t/json?poll=1&x=";
        String suffix = " HTTP/1.1";
        return prefix + "a".repeat(length - prefix.length() - suffix.length()) + suffix;
    }

    @Test
    void requestLineOverLimitIs414() {
        assertEquals(8192, server.config().requestLineLimit());
        try (RawConnection raw = new RawConnection(server)) {
            raw.send(requestLine(8193) + "\r\nHost: x\r\n\r\n");
            RawConnection.Head head = raw.readHead();
            assertEquals(414, head.status());
            raw.readBody(head);
            assertTrue(raw.closesEventually());
        }
        try (RawConnection raw = new RawConnection(server)) {
            raw.send(requestLine(8192) + "\r\nHost: x\r\n\r\n");
            assertEquals(200, raw.readHead().status());
        }
    }

    @Test
    void requestLineLimitIsConfigurable() {
        try (NtfyTestServer small =
                        NtfyTestServer.start(TestServerConfig.defaults().withRequestLineLimit(100));
                RawConnection raw = new RawConnection(small)) {
            raw.send(requestLine(101) + "\r\nHost: x\r\n\r\n");
            assertEquals(414, raw.readHead().status());
        }
    }

    @Test
    void keepAliveServesTwoRequestsOnOneConnection() {
        try (RawConnection raw = new RawConnection(server)) {
            raw.send("PUT /t HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
            RawConnection.Head first = raw.readHead();
            assertEquals(200, first.status());
            assertTrue(new String(raw.readBody(first), StandardCharsets.UTF_8).contains("\"message\":\"hello\""));
            raw.get("/t/json?poll=1");
            RawConnection.Head second = raw.readHead();
            assertEquals(200, second.status());
            assertTrue(new String(raw.readBody(second), StandardCharsets.UTF_8).contains("\"message\":\"hello\""));
        }
    }

    @Test
    void chunkedRequestBodyAndExpectContinue() {
        try (RawConnection raw = new RawConnection(server)) {
            raw.send(
                    "POST /t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            RawConnection.Head head = raw.readHead();
            assertTrue(new String(raw.readBody(head), StandardCharsets.UTF_8).contains("\"message\":\"hello world\""));
            raw.send("PUT /t HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            assertEquals(100, raw.readHead().status());
            raw.send("hi");
            RawConnection.Head ok = raw.readHead();
            assertEquals(200, ok.status());
            assertTrue(new String(raw.readBody(ok), StandardCharsets.UTF_8).contains("\"message\":\"hi\""));
        }
    }

    @Test
    void unknownRouteIs404WithNtfyError() {
        try (RawConnection raw = new RawConnection(server)) {
            raw.get("/t/nothing/here/at/all");
            RawConnection.Head head = raw.readHead();
            assertEquals(404, head.status());
            assertEquals(
                    40401,
                    TestClient.json(new String(raw.readBody(head), StandardCharsets.UTF_8))
                            .path("code")
                            .asInt());
        }
    }
}
