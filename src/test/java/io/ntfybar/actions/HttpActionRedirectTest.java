package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Action;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.LoopbackHttp;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redirects of http actions, over loopback only. Every test server here is on loopback, so the guard is told that
 * 127.0.0.1 is "public" and everything else (the second server on 127.0.0.2, and the name {@code lan.test}, which
 * resolves to it) is "private"; the real rule is {@link PrivateAddressesTest}'s.
 */
class HttpActionRedirectTest {
    private static final String LAN_NAME = "lan.test";
    private static final String REBINDING_NAME = "rebinding.test";
    /** Lookups of the rebinding name: public when first asked, private from then on, as a rebinding attack answers. */
    private final AtomicInteger rebindingLookups = new AtomicInteger();

    private static OkHttpClient base;
    private static InetAddress second;
    private LoopbackHttp outside;
    private LoopbackHttp inside;
    private HttpActionRunner runner;

    @BeforeAll
    static void client() throws Exception {
        base = HttpClients.requests(HttpClients.streaming());
        second = InetAddress.getByName("127.0.0.2");
    }

    @AfterAll
    static void closeClient() {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    @BeforeEach
    void start() {
        outside = new LoopbackHttp();
        inside = new LoopbackHttp(second);
        RedirectGuard guard = new RedirectGuard(a -> !a.getHostAddress().equals("127.0.0.1"), host -> switch (host) {
            case LAN_NAME -> List.of(second);
            case REBINDING_NAME -> rebindingLookups.getAndIncrement() == 0
                    ? List.of(InetAddress.getByName("127.0.0.1"))
                    : List.of(second);
            default -> Arrays.asList(InetAddress.getAllByName(host));
        });
        runner = new HttpActionRunner(base, HttpActionRunner.DEFAULT_TIMEOUT, guard);
        inside.on("/admin", 200, new byte[0], "text/plain");
        outside.on("/done", 200, new byte[0], "text/plain");
    }

    @AfterEach
    void stop() {
        outside.close();
        inside.close();
    }

    private static ActionResult await(CompletionStage<ActionResult> stage) throws Exception {
        return stage.toCompletableFuture().get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    private static void redirect(LoopbackHttp server, String path, int status, String location) {
        server.on(path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
    }

    private static Action get(String url) {
        return Action.http("x", url, "GET", Map.of(), null, false);
    }

    /** The marker: the private server's first request is this one, so the refused redirect never reached it. */
    private void assertInsideSawOnlyTheMarker() throws Exception {
        ActionResult marker = await(runner.run(get(inside.baseUrl() + "/admin")));
        assertTrue(marker.success(), marker.message());
        assertEquals("/admin", inside.next().path());
        assertEquals(0, inside.pending());
    }

    @Test
    void aRedirectFromAPublicToAPrivateAddressIsNotFollowed() throws Exception {
        redirect(outside, "/go", 302, inside.baseUrl() + "/admin?from=redirect");
        ActionResult r = await(runner.run(get(outside.baseUrl() + "/go")));
        assertFalse(r.success());
        assertEquals("the server redirected to a private address (127.0.0.2); not followed", r.message());
        assertEquals("/go", outside.next().path());
        assertInsideSawOnlyTheMarker();
    }

    @Test
    void aRedirectToANameThatResolvesToAPrivateAddressIsNotFollowed() throws Exception {
        redirect(outside, "/go", 307, "http://" + LAN_NAME + ":" + inside.port() + "/admin");
        ActionResult r = await(runner.run(get(outside.baseUrl() + "/go")));
        assertFalse(r.success());
        assertEquals("the server redirected to a private address (lan.test is 127.0.0.2); not followed", r.message());
        assertInsideSawOnlyTheMarker();
    }

    @Test
    void aNameThatTurnsPrivateBetweenTheCheckAndTheConnectionIsRefusedWhenConnecting() throws Exception {
        redirect(outside, "/go", 302, "http://" + REBINDING_NAME + ":" + inside.port() + "/admin");
        ActionResult r = await(runner.run(get(outside.baseUrl() + "/go")));
        assertFalse(r.success());
        assertEquals(
                "the server redirected to a private address (rebinding.test is 127.0.0.2); not followed", r.message());
        assertEquals(2, rebindingLookups.get(), "checked, then looked up again to connect");
        assertInsideSawOnlyTheMarker();
    }

    @Test
    void aRedirectOnALaterHopIsCheckedToo() throws Exception {
        redirect(outside, "/one", 301, "/two");
        redirect(outside, "/two", 302, inside.baseUrl() + "/admin");
        ActionResult r = await(runner.run(get(outside.baseUrl() + "/one")));
        assertEquals("the server redirected to a private address (127.0.0.2); not followed", r.message());
        assertEquals("/one", outside.next().path());
        assertEquals("/two", outside.next().path());
        assertInsideSawOnlyTheMarker();
    }

    @Test
    void anActionOnAPrivateAddressMayBeRedirectedAnywhere() throws Exception {
        redirect(inside, "/go", 302, inside.baseUrl() + "/admin");
        ActionResult r = await(runner.run(get(inside.baseUrl() + "/go")));
        assertTrue(r.success(), r.message());
        assertEquals("HTTP 200 OK from 127.0.0.2:" + inside.port(), r.message());
        assertEquals("/go", inside.next().path());
        assertEquals("/admin", inside.next().path());
    }

    @Test
    void publicRedirectsAreFollowedByTheUsualRules() throws Exception {
        outside.on("/again", 200, new byte[0], "text/plain");
        redirect(outside, "/see-other", 303, "/done");
        redirect(outside, "/temporary", 307, "/again");
        ActionResult r =
                await(runner.run(Action.http("x", outside.baseUrl() + "/see-other", "POST", Map.of(), "body", false)));
        assertTrue(r.success(), r.message());
        assertEquals("POST", outside.next().method());
        LoopbackHttp.Recorded after303 = outside.next();
        assertEquals("/done", after303.path());
        assertEquals("GET", after303.method(), "a 303 turns a POST into a GET");
        assertEquals(0, after303.body().length);

        ActionResult kept =
                await(runner.run(Action.http("x", outside.baseUrl() + "/temporary", "PUT", Map.of(), "body", false)));
        assertTrue(kept.success(), kept.message());
        assertEquals("/temporary", outside.next().path());
        LoopbackHttp.Recorded after307 = outside.next();
        assertEquals("PUT", after307.method(), "a 307 keeps the method and body");
        assertEquals("body", new String(after307.body(), StandardCharsets.UTF_8));
    }

    @Test
    void theActionsAuthorizationHeaderStaysWithItsOwnOrigin() throws Exception {
        try (LoopbackHttp other = new LoopbackHttp()) {
            other.on("/elsewhere", 200, new byte[0], "text/plain");
            redirect(outside, "/go", 302, other.baseUrl() + "/elsewhere");
            ActionResult r = await(runner.run(Action.http(
                    "x", outside.baseUrl() + "/go", "GET", Map.of("Authorization", "Bearer x"), null, false)));
            assertTrue(r.success(), r.message());
            assertEquals("Bearer x", outside.next().header("Authorization"));
            assertNull(other.next().header("Authorization"));
        }
    }

    @Test
    void endlessRedirectsEndWithASentence() throws Exception {
        redirect(outside, "/loop", 302, "/loop");
        ActionResult r = await(runner.run(get(outside.baseUrl() + "/loop")));
        assertFalse(r.success());
        assertEquals("the server redirected more than 20 times; not followed", r.message());
    }

    @Test
    void theStandardRunnerFollowsARedirectWithinTheLocalNetwork() throws Exception {
        redirect(outside, "/go", 302, inside.baseUrl() + "/admin");
        ActionResult r = await(new HttpActionRunner(base).run(get(outside.baseUrl() + "/go")));
        assertTrue(r.success(), r.message());
        assertEquals("/admin", inside.next().path());
    }
}
