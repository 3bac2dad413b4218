package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a restarted engine resumes when a stored message is dated in the future: never past the server's clock, so
 * that what was published while the engine was down still arrives. Each test restarts the engine on the same store.
 */
class EngineResumePointTest {
    /** 2100-01-01T00:00:00Z. */
    private static final long YEAR_2100 = 4_102_444_800L;

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

    @ParameterizedTest
    @ValueSource(longs = {YEAR_2100, Long.MAX_VALUE})
    void aMessageDatedInTheFutureDoesNotMakeARestartSkipWhatCameWhileDown(long futureTime) throws Exception {
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publishDated("alerts", "from the future", futureTime);
        server.publish("alerts", "normal 1");
        f.awaitDispatched(2);
        f.engine.flush();
        f.stopEngine();

        server.publish("alerts", "published while subscriber was down");
        restartAndSendMarker();

        assertEquals(
                List.of("from the future", "normal 1", "published while subscriber was down", "marker"),
                f.dispatchedTexts());
        assertEquals(4, f.storedCount(sub), "the future-dated message is kept, and stored once");
    }

    /**
     * The server's clock, not the client's, bounds the resume point: with the server two hours ahead (or behind), the
     * restart still gets what came while it was down, and asks from about the server's time rather than the
     * client's (which would replay two hours, or skip them).
     */
    @ParameterizedTest
    @ValueSource(longs = {2, -2})
    void theServersClockBoundsTheResumePointWhateverTheClientsClockSays(long hoursAhead) throws Exception {
        server.clockOffset(Duration.ofHours(hoursAhead));
        long serverTimeAtStart = server.nowSeconds();
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publishDated("alerts", "a day ahead of the server", serverTimeAtStart + 86_400);
        server.publish("alerts", "normal 1");
        f.awaitDispatched(2);
        f.engine.flush();
        f.stopEngine();

        server.publish("alerts", "published while subscriber was down");
        restartAndSendMarker();

        assertEquals(
                List.of("a day ahead of the server", "normal 1", "published while subscriber was down", "marker"),
                f.dispatchedTexts());
        assertEquals(4, f.storedCount(sub));
        long since = lastSince();
        long margin = EngineFixture.FAST.resumeMargin().toSeconds();
        assertTrue(
                since >= serverTimeAtStart - margin && since <= server.nowSeconds(),
                "resumed from " + since + ", the server's clock said " + serverTimeAtStart + " at the start");
    }

    @Test
    void aScheduledMessageDeliveredAheadOfItsTimeDoesNotMoveTheResumePointPastTheServersClock() throws Exception {
        // As a server that delivered a message scheduled for tomorrow (or a client asking with scheduled=1) sends it.
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publishDated("alerts", "scheduled for tomorrow", server.nowSeconds() + 86_400);
        f.awaitDispatched(1);
        f.engine.flush();
        f.stopEngine();

        server.publish("alerts", "published while subscriber was down");
        restartAndSendMarker();

        assertEquals(
                List.of("scheduled for tomorrow", "published while subscriber was down", "marker"),
                f.dispatchedTexts());
        assertEquals(3, f.storedCount(sub));
    }

    /**
     * Starts a new engine on the same store and publishes a marker once it is connected: the stream is ordered, so
     * anything the resume brings (or replays) is dispatched before the marker.
     */
    private void restartAndSendMarker() throws Exception {
        long requests = f.subscribeRequests();
        f.start();
        f.awaitReconnect(requests);
        int before = f.dispatchedTexts().size();
        server.publish("alerts", "marker");
        io.ntfybar.testsupport.Await.value(
                "the marker dispatched", f::dispatchedTexts, t -> t.size() > before && t.contains("marker"));
        f.engine.flush();
    }

    /** The {@code since} of the last stream request. */
    private long lastSince() {
        List<String> streams =
                server.requestLines().stream().filter(l -> l.contains("/sse")).toList();
        String line = streams.get(streams.size() - 1);
        String since = line.replaceAll(".*[?&]since=([^& ]*).*", "$1");
        return Long.parseLong(since);
    }
}
