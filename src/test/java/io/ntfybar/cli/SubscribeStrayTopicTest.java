package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testsupport.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that sends messages for topics nobody subscribed to (the test server's {@code leakTopic}): {@code
 * subscribe} prints only the subscribed topics' messages, on a stream, a poll, and with {@code --store}. Each test
 * ends with a marker message of the subscribed topic sent after the stray one, so "not printed" is seen, not assumed.
 */
class SubscribeStrayTopicTest {
    NtfyTestServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = NtfyTestServer.start(TestServerConfig.defaults().withKeepalive(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        return NtfybarCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        synchronized (out.getBuffer()) {
            for (String line : out.toString().split("\n")) {
                if (!line.isBlank()) {
                    Message m = MessageCodec.decodeLine(line);
                    texts.add(m.topic() + ": " + m.message());
                }
            }
        }
        return texts;
    }

    /** Runs {@code subscribe args} on its own thread until {@code body} is done, then interrupts it. */
    private void whileSubscribed(Runnable body, String... args) throws InterruptedException {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread cli = new Thread(() -> exit.set(run(args)));
        cli.start();
        try {
            body.run();
        } finally {
            cli.interrupt();
            cli.join(Await.DEFAULT_DEADLINE.toMillis());
        }
        assertEquals(130, exit.get(), err.toString());
    }

    @Test
    void aStreamPrintsNothingForAnotherTopic() throws Exception {
        server.leakTopic("elsewhere", "alerts");
        whileSubscribed(
                () -> {
                    Await.value("the stream open", server::openStreams, n -> n == 1);
                    server.publish("elsewhere", "stray");
                    server.publish("alerts", "marker");
                    Await.value("the marker printed", this::texts, t -> t.contains("alerts: marker"));
                    assertEquals(List.of("alerts: marker"), texts());
                },
                "subscribe",
                server.baseUrl() + "/alerts");
    }

    @Test
    void aPollPrintsNothingForAnotherTopic() {
        server.leakTopic("elsewhere", "alerts");
        server.publish("elsewhere", "stray");
        server.publish("alerts", "marker");
        assertEquals(0, run("subscribe", "--poll", "-s", "all", server.baseUrl() + "/alerts"), err.toString());
        assertEquals(List.of("alerts: marker"), texts());
    }

    @Test
    void aFirstStoredPollPrintsAndStoresNothingForAnotherTopic() {
        String topic = "stray-poll-" + System.nanoTime();
        server.leakTopic("elsewhere", topic);
        server.publish("elsewhere", "stray");
        server.publish(topic, "marker");
        String url = server.baseUrl() + "/" + topic;
        assertEquals(0, run("subscribe", "--store", "--poll", "-s", "all", url), err.toString());
        assertEquals(List.of(topic + ": marker"), texts());
        // Stored under the subscription, the stray message would come back on a run that prints the history again.
        out.getBuffer().setLength(0);
        server.publish(topic, "second marker");
        assertEquals(0, run("subscribe", "--store", "--poll", url), err.toString());
        assertEquals(List.of(topic + ": second marker"), texts());
    }

    @Test
    void aFirstStoredRunWithSincePrintsNothingForAnotherTopicFromTheCacheOrTheStream() throws Exception {
        String topic = "stray-since-" + System.nanoTime();
        server.leakTopic("elsewhere", topic);
        server.publish("elsewhere", "cached stray");
        server.publish(topic, "cached");
        whileSubscribed(
                () -> {
                    Await.value("the cached message printed", this::texts, t -> t.contains(topic + ": cached"));
                    Await.value("the stream open", server::openStreams, n -> n == 1);
                    server.publish("elsewhere", "live stray");
                    server.publish(topic, "marker");
                    Await.value("the marker printed", this::texts, t -> t.contains(topic + ": marker"));
                    assertEquals(List.of(topic + ": cached", topic + ": marker"), texts());
                },
                "subscribe",
                "--store",
                "-s",
                "all",
                server.baseUrl() + "/" + topic);
    }

    @Test
    void aFirstStoredRunPrintsNothingForAnotherTopicFromTheStream() throws Exception {
        String topic = "stray-store-" + System.nanoTime();
        server.leakTopic("elsewhere", topic);
        server.publish("elsewhere", "cached stray");
        whileSubscribed(
                () -> {
                    Await.value("the stream open", server::openStreams, n -> n == 1);
                    server.publish("elsewhere", "live stray");
                    server.publish(topic, "marker");
                    Await.value("the marker printed", this::texts, t -> t.contains(topic + ": marker"));
                    assertEquals(List.of(topic + ": marker"), texts());
                },
                "subscribe",
                "--store",
                server.baseUrl() + "/" + topic);
    }
}
