package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.GeneratedBody;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import okio.Source;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An Error while a stream is read (out of memory, say) ends that stream, not its reconnecting. */
class StreamErrorRecoveryTest {
    @Test
    void aStreamThatHitAnErrorReconnectsOnItsBackoffAndDeliversTheNextMessage() {
        AtomicInteger calls = new AtomicInteger();
        // The first stream delivers one message and then fails as a reader out of memory would; the next one works.
        java.util.function.Supplier<Source> bodies = () -> calls.incrementAndGet() == 1
                ? new GeneratedBody()
                        .text("data: " + PollerLineLimitTest.message("aaaaaaaaaaaa", "first") + "\n\n")
                        .thenError(new OutOfMemoryError("simulated: Java heap space"))
                : new GeneratedBody()
                        .text("data: " + PollerLineLimitTest.message("bbbbbbbbbbbb", "after the error") + "\n\n");
        List<String> messages = new CopyOnWriteArrayList<>();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(StreamConnection.class);
        logger.addAppender(log);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        StreamConnection stream = new StreamConnection(
                GeneratedBody.client(bodies),
                scheduler,
                ConnectionKey.anonymous(ServerUrl.of("http://example.invalid")),
                List.of("t"),
                SubscribeQuery.live(),
                null,
                EngineConfig.defaults().withRetry(Duration.ofMillis(20), Duration.ofMillis(200)),
                null,
                new StreamConnection.Handler() {
                    @Override
                    public String since() {
                        return null;
                    }

                    @Override
                    public void onEvent(Message event) {
                        if (event.eventType() == Event.MESSAGE) {
                            messages.add(event.message());
                        }
                    }

                    @Override
                    public void onState(ConnectionState state) {}

                    @Override
                    public void onRejected(NtfyError error) {}
                });
        try {
            stream.start();
            Await.until("the message of the second stream", () -> messages.contains("after the error"));
            assertTrue(messages.contains("first"), messages.toString());
            assertTrue(calls.get() >= 2, "a second connection: " + calls.get());
            assertTrue(
                    log.list.stream()
                            .anyMatch(e -> e.getLevel() == Level.ERROR
                                    && e.getFormattedMessage().contains("OutOfMemoryError: simulated")),
                    "one log line says why");
        } finally {
            stream.close();
            scheduler.shutdownNow();
            logger.detachAppender(log);
        }
    }
}
