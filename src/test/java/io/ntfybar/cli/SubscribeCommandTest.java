package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestAuth;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testsupport.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ntfybar subscribe} against the loopback server: JSON lines on stdout, sentences on stderr. */
class SubscribeCommandTest {
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

    private List<Message> printed() {
        List<Message> messages = new ArrayList<>();
        synchronized (out.getBuffer()) {
            for (String line : out.toString().split("\n")) {
                if (!line.isBlank()) {
                    messages.add(MessageCodec.decodeLine(line));
                }
            }
        }
        return messages;
    }

    private List<String> texts() {
        return printed().stream().map(Message::message).toList();
    }

    @Test
    void pollPrintsEveryCachedMessageAsOneJsonLine() {
        server.publish("alerts", "one", Map.of("Title", "First", "Tags", "warning"));
        server.publish("alerts", "two");
        assertEquals(0, run("subscribe", "--poll", server.baseUrl() + "/alerts"), err.toString());
        List<Message> messages = printed();
        assertEquals(List.of("one", "two"), texts());
        assertEquals("First", messages.get(0).title());
        assertEquals(List.of("warning"), messages.get(0).tags());
        assertEquals("message", messages.get(0).event());
    }

    @Test
    void filtersAreSentToTheServer() {
        server.publish("alerts", "quiet", Map.of("Priority", "1"));
        server.publish("alerts", "loud", Map.of("Priority", "5"));
        assertEquals(0, run("subscribe", "--poll", "--priority", "high,max", server.baseUrl() + "/alerts"));
        assertEquals(List.of("loud"), texts());
        assertTrue(server.requestLines().get(server.requestLines().size() - 1).contains("priority=4,5"));
    }

    @Test
    void shortPollFlagPollsAndACommaListSubscribesToSeveralTopics() {
        server.publish("alerts", "a1");
        server.publish("backups", "b1");
        server.publish("other", "not asked for");
        assertEquals(0, run("subscribe", "-p", "-s", "all", server.baseUrl() + "/alerts,backups"), err.toString());
        assertEquals(List.of("a1", "b1"), texts());
        assertEquals(1, server.requestLines().size(), "one request for both topics: " + server.requestLines());
        assertTrue(
                server.requestLines().get(0).startsWith("GET /alerts,backups/json?"),
                server.requestLines().get(0));
        assertTrue(
                server.requestLines().get(0).contains("poll=1"),
                server.requestLines().get(0));
    }

    @Test
    void optionsAfterTheTopicAreOptionsAndEverythingFromTheCommandOnIsTheCommand() {
        SubscribeCommand c = new SubscribeCommand();
        new picocli.CommandLine(c).parseArgs("alerts", "--poll", "-s", "all", "echo", "-v", "--poll", "$m");
        assertEquals("alerts", c.topic);
        assertTrue(c.poll);
        assertEquals("all", c.since);
        assertEquals(List.of("echo", "-v", "--poll", "$m"), c.command);
        assertTrue(!c.verbose, "-v after the command is the command's");
    }

    @Test
    void withoutATopicItIsAUsageError() {
        assertEquals(2, run("subscribe", "--poll"));
        assertTrue(err.toString().contains("give a TOPIC, or --from-config"), err.toString());
    }

    @Test
    void aUserWithoutPasswordAndNoTerminalIsAClearError() {
        assertEquals(1, run("subscribe", "--poll", "-u", "phil", server.baseUrl() + "/alerts"));
        assertTrue(err.toString().contains("no terminal to ask for it; use phil:PASSWORD"), err.toString());
        assertEquals(0, server.requestLines().size());
    }

    @Test
    void storeRemembersWhatWasPrintedAcrossRuns() {
        String topic = "stored-" + System.nanoTime();
        server.publish(topic, "one");
        server.publish(topic, "two");
        assertEquals(0, run("subscribe", "--store", "--poll", server.baseUrl() + "/" + topic), err.toString());
        assertEquals(List.of("one", "two"), texts());
        server.publish(topic, "three");
        out.getBuffer().setLength(0);
        assertEquals(0, run("subscribe", "--store", "--poll", server.baseUrl() + "/" + topic), err.toString());
        assertEquals(List.of("three"), texts(), "a second run prints only what is new");
    }

    @Test
    void aScheduledMessageForTomorrowDoesNotMakeTheNextRunMissWhatWasPublishedMeanwhile() {
        String topic = "stored-scheduled-" + System.nanoTime();
        String url = server.baseUrl() + "/" + topic;
        server.publish(topic, "scheduled for tomorrow", Map.of("In", "24h"));
        server.publish(topic, "normal 1");
        assertEquals(0, run("subscribe", "--store", "--poll", "--scheduled", url), err.toString());
        assertEquals(List.of("normal 1", "scheduled for tomorrow"), texts());
        server.publish(topic, "published while subscriber was down");
        out.getBuffer().setLength(0);
        assertEquals(0, run("subscribe", "--store", "--poll", url), err.toString());
        assertEquals(List.of("published while subscriber was down"), texts(), "nothing skipped, nothing repeated");
    }

    @Test
    void aDroppedStreamIsRetriedAndPrintsNothingTwice() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread cli = new Thread(() -> exit.set(run("subscribe", server.baseUrl() + "/alerts")));
        cli.start();
        try {
            Await.value("the stream open", server::openStreams, n -> n == 1);
            server.publish("alerts", "first");
            Await.value("the first message printed", this::texts, t -> t.size() == 1);
            server.dropConnections();
            server.publish("alerts", "while reconnecting");
            Await.value("the message sent while reconnecting printed", this::texts, t -> t.size() >= 2);
            server.publish("alerts", "third");
            server.publish("alerts", "marker");
            // The stream keeps order, so anything printed twice would come before the marker.
            Await.value("the marker printed", this::texts, t -> t.contains("marker"));
            assertEquals(List.of("first", "while reconnecting", "third", "marker"), texts());
            assertTrue(err.toString().contains("Retrying"), err.toString());
        } finally {
            cli.interrupt();
            cli.join(Await.DEFAULT_DEADLINE.toMillis());
        }
        assertEquals(130, exit.get(), "an interrupt ends it like Ctrl-C");
    }

    @Test
    void wrongCredentialsEndWithASentenceAndExitCode1() {
        server.auth().enable(TestAuth.Access.DENY_ALL).addUser("phil", "right", false);
        assertEquals(1, run("subscribe", "-u", "phil:wrong", server.baseUrl() + "/alerts"));
        assertTrue(
                err.toString().toLowerCase().contains("password")
                        || err.toString().contains("login"),
                err.toString());
        assertTrue(!err.toString().contains("wrong"), "the password is never echoed: " + err);
    }

    @Test
    void anUnreachableServerIsAClearError() {
        assertEquals(1, run("subscribe", "--poll", "http://127.0.0.1:1/alerts"));
        assertTrue(err.toString().contains("Cannot reach"), err.toString());
    }

    @Test
    void anInvalidTopicIsRefusedBeforeConnecting() {
        assertEquals(1, run("subscribe", "--poll", server.baseUrl() + "/bad.topic"));
        assertTrue(err.toString().contains("topic"), err.toString());
        assertEquals(0, server.requestLines().size());
    }
}
