package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Action;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.LoopbackHttp;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** http actions over real HTTP on loopback, against a recording JDK server. */
class HttpActionRunnerTest {
    private static OkHttpClient base;
    private LoopbackHttp http;
    private HttpActionRunner runner;

    @BeforeAll
    static void client() {
        base = HttpClients.requests(HttpClients.streaming());
    }

    @AfterAll
    static void closeClient() {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    @BeforeEach
    void start() {
        http = new LoopbackHttp();
        runner = new HttpActionRunner(base);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private static ActionResult await(CompletionStage<ActionResult> stage) throws Exception {
        return stage.toCompletableFuture().get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    private String host() {
        return "127.0.0.1:" + http.port();
    }

    @Test
    void postIsTheDefaultAndCarriesTheHeadersAndBody() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Garage", "open sesame");
        headers.put("Content-Type", "application/json");
        Action a = Action.http("Open", http.baseUrl() + "/door?x=1", null, headers, "{\"open\":true}", true);
        ActionResult r = await(runner.run(a));
        assertTrue(r.success(), r.message());
        assertEquals(200, r.status());
        assertEquals("HTTP 200 OK from " + host(), r.message());
        LoopbackHttp.Recorded req = http.next();
        assertEquals("POST", req.method());
        assertEquals("/door", req.path());
        assertEquals("open sesame", req.header("X-Garage"));
        assertEquals("application/json", req.header("Content-Type"));
        assertEquals("{\"open\":true}", new String(req.body(), StandardCharsets.UTF_8));
        assertNull(req.header("Authorization"));
        assertNull(req.header("Cookie"));
        assertTrue(req.header("User-Agent").startsWith("ntfybar/"), req.header("User-Agent"));
    }

    @Test
    void anExplicitMethodAndAnEmptyBody() throws Exception {
        ActionResult r = await(runner.run(Action.http("x", http.baseUrl() + "/p", "put", Map.of(), null, false)));
        assertTrue(r.success(), r.message());
        LoopbackHttp.Recorded req = http.next();
        assertEquals("PUT", req.method());
        assertEquals(0, req.body().length);
        assertEquals("0", req.header("Content-Length"));
        assertNull(req.header("Content-Type"));
    }

    @Test
    void getAndHeadSendNoBody() throws Exception {
        assertTrue(await(runner.run(Action.http("x", http.baseUrl() + "/g", "GET", Map.of(), "ignored", false)))
                .success());
        LoopbackHttp.Recorded get = http.next();
        assertEquals("GET", get.method());
        assertEquals(0, get.body().length);
        assertNull(get.header("Content-Length"));
        assertTrue(await(runner.run(Action.http("x", http.baseUrl() + "/h", "HEAD", Map.of(), null, false)))
                .success());
        assertEquals("HEAD", http.next().method());
    }

    @Test
    void otherMethodsAndUtf8Bodies() throws Exception {
        await(runner.run(Action.http("x", http.baseUrl() + "/d", "DELETE", Map.of(), "täst ✔", false)));
        LoopbackHttp.Recorded req = http.next();
        assertEquals("DELETE", req.method());
        assertArrayEquals("täst ✔".getBytes(StandardCharsets.UTF_8), req.body());
        await(runner.run(Action.http("x", http.baseUrl() + "/p", "PATCH", Map.of(), "a=b", false)));
        assertEquals("PATCH", http.next().method());
    }

    @Test
    void onlyTwoHundredsAreASuccess() throws Exception {
        http.on("/fail", 500, "oops".getBytes(StandardCharsets.UTF_8), "text/plain");
        http.on("/missing", 404, new byte[0], null);
        http.on("/created", 201, new byte[0], null);
        http.on("/moved", 304, new byte[0], null);
        ActionResult fail = await(runner.run(Action.http("x", http.baseUrl() + "/fail", null, null, null, false)));
        assertFalse(fail.success());
        assertEquals(500, fail.status());
        assertEquals("HTTP 500 Internal Server Error from " + host(), fail.message());
        ActionResult missing =
                await(runner.run(Action.http("x", http.baseUrl() + "/missing", "GET", null, null, false)));
        assertFalse(missing.success());
        assertEquals(404, missing.status());
        assertEquals("HTTP 404 Not Found from " + host(), missing.message());
        ActionResult created =
                await(runner.run(Action.http("x", http.baseUrl() + "/created", null, null, null, false)));
        assertTrue(created.success());
        assertEquals(201, created.status());
        ActionResult notModified =
                await(runner.run(Action.http("x", http.baseUrl() + "/moved", "GET", null, null, false)));
        assertFalse(notModified.success());
        assertEquals(304, notModified.status());
    }

    @Test
    void anUnreachablePortIsAFailureWithASentence() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ActionResult r = await(runner.run(Action.http("x", "http://127.0.0.1:" + port + "/", null, null, null, false)));
        assertFalse(r.success());
        assertEquals(-1, r.status());
        assertEquals("could not reach 127.0.0.1:" + port + ": connection refused", r.message());
    }

    @Test
    void aSlowEndpointTimesOut() throws Exception {
        // The endpoint answers only after the test has its result: a result at all shows that the runner gave up.
        CountDownLatch answer = new CountDownLatch(1);
        http.on("/slow", ex -> {
            try {
                answer.await(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoopbackHttp.send(ex, 200, new byte[0], null);
        });
        HttpActionRunner quick = new HttpActionRunner(base, Duration.ofMillis(300));
        ActionResult r;
        try {
            r = await(quick.run(Action.http("x", http.baseUrl() + "/slow", null, null, null, false)));
        } finally {
            answer.countDown();
        }
        assertFalse(r.success());
        assertEquals(-1, r.status());
        assertEquals("timed out after 300 ms", r.message());
        assertEquals(Duration.ofSeconds(15), runner.timeout());
        assertEquals("15 s", HttpActionRunner.shown(HttpActionRunner.DEFAULT_TIMEOUT));
        assertEquals("1.5 s", HttpActionRunner.shown(Duration.ofMillis(1500)));
    }

    @Test
    void nonHttpUrlsAreRefusedWithoutARequest() throws Exception {
        ActionResult js = await(runner.run(Action.http("x", "javascript:alert(1)", null, null, null, false)));
        assertFalse(js.success());
        assertEquals(-1, js.status());
        assertEquals("ntfybar sends requests only to http and https links, not to javascript: links", js.message());
        assertEquals(
                "ntfybar sends requests only to http and https links, not to file: links",
                await(runner.run(Action.http("x", "file:///etc/passwd", null, null, null, false)))
                        .message());
        assertEquals(
                "ntfybar sends requests only to http and https links, not to mailto: links",
                await(runner.run(Action.http("x", "mailto:a@b.c", null, null, null, false)))
                        .message());
        assertEquals(
                "not a valid link: \" " + http.baseUrl() + "/\" contains spaces or invisible characters",
                await(runner.run(Action.http("x", " " + http.baseUrl() + "/", null, null, null, false)))
                        .message());
        assertEquals(
                "the message has no link to open",
                await(runner.run(Action.http("x", null, null, null, null, false)))
                        .message());
        // the server works: only the next, valid request arrives
        assertTrue(await(runner.run(Action.http("x", http.baseUrl() + "/ok", null, null, null, false)))
                .success());
        assertEquals("/ok", http.next().path());
        assertEquals(0, http.pending());
    }

    @Test
    void badMethodsAndHeadersAreRefusedWithoutARequest() throws Exception {
        ActionResult method =
                await(runner.run(Action.http("x", http.baseUrl() + "/m", "GET /x HTTP/1.1\r\n", null, null, false)));
        assertFalse(method.success());
        assertEquals("the action's method \"GET /x HTTP/1.1\\u000D\\u000A\" is not an HTTP method", method.message());
        ActionResult header = await(runner.run(
                Action.http("x", http.baseUrl() + "/h", null, Map.of("X-A", "1\r\nX-Injected: 2"), null, false)));
        assertFalse(header.success());
        assertEquals(
                "the action's header \"X-A\" cannot be sent (only printable ASCII, no line breaks)", header.message());
        ActionResult view = await(runner.run(Action.view("Open", http.baseUrl() + "/v", false)));
        assertFalse(view.success());
        assertEquals("this is a \"view\" action, not an http action", view.message());
        assertTrue(await(runner.run(Action.http("x", http.baseUrl() + "/ok", null, null, null, false)))
                .success());
        assertEquals("/ok", http.next().path());
        assertEquals(0, http.pending());
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new HttpActionRunner(base, Duration.ZERO));
    }
}
