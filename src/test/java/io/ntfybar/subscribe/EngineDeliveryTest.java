package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Retention;
import io.ntfybar.settings.Settings;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testsupport.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery and resume: every message stored once, dispatched at most once, across drops and restarts. */
class EngineDeliveryTest {
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
    void newSubscriptionFetchesHistoryWithoutNotifyingThenDeliversLiveOnce() throws Exception {
        server.publish("alerts", "old one");
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publish("alerts", "new one");
        f.awaitDispatched(1);
        f.engine.flush();
        assertEquals(List.of("new one"), f.dispatchedTexts());
        assertEquals(2, f.storedCount(sub), "history and live message are both stored");
        assertTrue(f.subscriptions.all().get(0).initialFetchDone());
    }

    @Test
    void resumesAfterTheConnectionIsDroppedMidStream() throws Exception {
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publish("alerts", "before drop");
        f.awaitDispatched(1);
        long requests = f.subscribeRequests();
        server.dropConnections();
        server.publish("alerts", "while away"); // cached, and no stream is open to receive it live
        f.awaitReconnect(requests);
        server.publish("alerts", "after reconnect");
        f.awaitDispatched(3);
        f.engine.flush();
        assertEquals(List.of("before drop", "while away", "after reconnect"), f.dispatchedTexts());
        assertEquals(3, f.storedCount(sub));
        String last = server.requestLines().stream()
                .filter(l -> l.contains("/sse"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(last.matches(".*since=\\d{9,}.*"), "resumes from a time, not an id: " + last);
    }

    @Test
    void retentionInTheBackgroundNeverBringsAMessageBackAsNew() throws Exception {
        f.settings = Settings.defaults().withRetention(new Retention(0, 1));
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publish("alerts", "one");
        server.publish("alerts", "two");
        server.publish("alerts", "three");
        f.awaitDispatched(3);
        f.engine.flush();
        assertEquals(2, f.engine.applyRetentionNow().get(), "keep 1 message: two go");
        long requests = f.subscribeRequests();
        server.dropConnections(); // the resumed stream replays all three from the server's cache
        f.awaitReconnect(requests);
        server.publish("alerts", "four");
        f.awaitDispatched(4);
        f.engine.flush();
        assertEquals(List.of("one", "two", "three", "four"), f.dispatchedTexts());
        assertEquals(
                List.of("four", "three"),
                f.messages.page(sub.id(), null, 10).stream()
                        .map(m -> m.message().message())
                        .toList());
    }

    @Test
    void serverRestartKeepingItsCacheLosesNothingAndDuplicatesNothing() throws Exception {
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publish("alerts", "one");
        f.awaitDispatched(1);
        server.restart(true);
        server.publish("alerts", "two");
        f.awaitDispatched(2);
        server.publish("alerts", "three");
        server.publish("alerts", "marker");
        // The stream delivers in order, so a replay of "one" would be dispatched before the marker.
        f.awaitDispatched(4);
        f.engine.flush();
        assertEquals(List.of("one", "two", "three", "marker"), f.dispatchedTexts());
        assertEquals(4, f.storedCount(sub));
    }

    @Test
    void serverRestartWithAnEmptyCacheKeepsDelivering() throws Exception {
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        server.publish("alerts", "one");
        f.awaitDispatched(1);
        long requests = f.subscribeRequests();
        server.restart(false);
        f.awaitReconnect(requests);
        server.publish("alerts", "two");
        f.awaitDispatched(2);
        assertEquals(List.of("one", "two"), f.dispatchedTexts());
        assertEquals(2, f.storedCount(sub));
    }

    @Test
    void aScheduledMessageDeliveredWhileTheClientWasAwayArrivesAfterRestart() throws Exception {
        server.close();
        server = NtfyTestServer.start(
                TestServerConfig.defaults().withKeepalive(Duration.ofSeconds(1)).withMinDelay(Duration.ofSeconds(1)));
        f.close();
        f = new EngineFixture(server, dir.resolve("db2"), EngineFixture.FAST);
        Subscription sub = f.subscribe("alerts");
        f.start();
        f.awaitConnected();
        // Held until the client is away, however long the steps before take on a busy machine.
        server.holdScheduled(true);
        server.publish("alerts", "scheduled", Map.of("In", "3s"));
        server.publish("alerts", "later"); // created after the scheduled one, so a later row on the server
        f.awaitDispatched(1);
        f.engine.flush();
        f.stopEngine(); // away: the scheduled message is delivered with nobody connected
        server.holdScheduled(false);
        Await.value("the scheduled message delivered", server::scheduledMessages, n -> n == 0);
        f.start();
        f.awaitDispatched(2);
        f.engine.flush();
        // since=<id of "later"> would miss it: the server answers an id by row order.
        assertEquals(List.of("later", "scheduled"), f.dispatchedTexts());
        assertEquals(2, f.storedCount(sub));
    }
}
