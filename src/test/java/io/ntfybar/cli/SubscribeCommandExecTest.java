package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ntfybar subscribe TOPIC COMMAND} against the loopback server: the command runs through a real {@code sh}
 * once per message, in order, with the message in its environment only.
 */
class SubscribeCommandExecTest {
    @TempDir
    Path dir;

    NtfyTestServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = NtfyTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        return NtfybarCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void everyVariableAndAliasReachesTheCommandAndMetacharactersStayInert() throws Exception {
        Path got = dir.resolve("got.txt");
        Path pwned = dir.resolve("pwned");
        String text = "Grüße ✓ $(touch " + pwned + ") `touch " + pwned + "` \"; touch " + pwned + "; echo \" | & ;";
        Message sent = MessageCodec.decodeLine(server.publish(
                "alerts", text, Map.of("Title", "Wärme 🔥 $HOME", "Priority", "4", "Tags", "warning,disk")));
        String fields =
                "$NTFY_ID|$id|$NTFY_TIME|$time|$NTFY_TOPIC|$topic|$NTFY_MESSAGE|$message|$m|$NTFY_TITLE|$title|$t"
                        + "|$NTFY_PRIORITY|$priority|$prio|$p|$NTFY_TAGS|$tags|$tag|$ta";
        int code = run(
                "subscribe",
                "--poll",
                server.baseUrl() + "/alerts",
                "printf '%s\\n' \"" + fields + "\" >> " + got + ";",
                "printf '%s\\n' \"$NTFY_RAW\" \"$raw\" >> " + got);
        assertEquals(0, code, err.toString());
        String id = sent.id();
        String time = Long.toString(sent.time());
        String title = "Wärme 🔥 $HOME";
        List<String> expected = List.of(
                String.join(
                        "|",
                        id,
                        id,
                        time,
                        time,
                        "alerts",
                        "alerts",
                        text,
                        text,
                        text,
                        title,
                        title,
                        title,
                        "4",
                        "4",
                        "4",
                        "4",
                        "warning,disk",
                        "warning,disk",
                        "warning,disk",
                        "warning,disk"),
                MessageCodec.encode(sent),
                MessageCodec.encode(sent));
        assertEquals(expected, lines(got));
        assertFalse(Files.exists(pwned), "the message's text was run as a command");
        assertEquals("", out.toString(), "with a command nothing is printed as JSON");
    }

    @Test
    void commandsRunOneAtATimeInArrivalOrder() throws Exception {
        Path got = dir.resolve("order.txt");
        Path lock = dir.resolve("lock");
        server.publishMany("many", 12, i -> "message " + i);
        // mkdir is atomic: a second command running at the same time would find the directory and say so.
        String command = "mkdir " + lock + " || echo OVERLAP >> " + got + "; echo \"$m\" >> " + got
                + "; sleep 0.02; rmdir " + lock;
        assertEquals(0, run("subscribe", "-p", server.baseUrl() + "/many", command), err.toString());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add("message " + i);
        }
        assertEquals(expected, lines(got));
    }

    @Test
    void aFailingCommandIsReportedAndTheNextMessageStillRuns() throws Exception {
        Path got = dir.resolve("done.txt");
        server.publish("jobs", "first");
        server.publish("jobs", "bad");
        server.publish("jobs", "third");
        String command = "[ \"$m\" = bad ] && exit 3; echo \"$m\" >> " + got;
        assertEquals(0, run("subscribe", "--poll", server.baseUrl() + "/jobs", command), err.toString());
        assertEquals(List.of("first", "third"), lines(got));
        assertTrue(err.toString().contains("failed (exit code 3)"), err.toString());
        assertEquals(1, err.toString().lines().count(), "one sentence for the one failure: " + err);
    }

    @Test
    void theCommandsOutputGoesToNtfybarsOutputAndVerboseSaysWhatRuns() {
        server.publish("echo", "hello");
        int code = run(
                "subscribe", "-v", "--poll", server.baseUrl() + "/echo", "echo", "got:", "\"$m\";", "echo oops >&2");
        assertEquals(0, code, err.toString());
        assertEquals("got: hello\n", out.toString());
        assertTrue(err.toString().contains("executing echo got: \"$m\"; echo oops >&2 for message {"), err.toString());
        assertTrue(err.toString().contains("oops"), err.toString());
    }

    @Test
    void optionsAfterTheCommandBelongToTheCommand() {
        server.publish("opts", "x");
        assertEquals(0, run("subscribe", "--poll", server.baseUrl() + "/opts", "echo", "-v", "--poll"));
        assertEquals("-v --poll\n", out.toString());
        assertEquals("", err.toString(), "-v after the command is not ntfybar's --verbose");
    }

    @Test
    void aLiveSubscriptionRunsTheCommandForEachNewMessage() throws Exception {
        Path got = dir.resolve("live.txt");
        AtomicInteger exit = new AtomicInteger(-1);
        Thread cli =
                new Thread(() -> exit.set(run("subscribe", server.baseUrl() + "/live", "echo \"$t:$m\" >> " + got)));
        cli.start();
        try {
            Await.value("the stream open", server::openStreams, n -> n == 1);
            server.publish("live", "one", Map.of("Title", "A"));
            server.publish("live", "two");
            Await.value("two lines written by the command", () -> lines(got), l -> l.size() == 2);
            assertEquals(List.of("A:one", ":two"), lines(got));
        } finally {
            cli.interrupt();
            cli.join(Await.DEFAULT_DEADLINE.toMillis());
        }
        assertEquals(130, exit.get());
    }

    @Test
    void withTheStoreACommandRunsOncePerMessageAcrossRuns() throws Exception {
        Path got = dir.resolve("stored.txt");
        String topic = "exec-" + System.nanoTime();
        server.publish(topic, "one");
        String url = server.baseUrl() + "/" + topic;
        String command = "echo \"$m\" >> " + got;
        assertEquals(0, run("subscribe", "--store", "--poll", url, command), err.toString());
        server.publish(topic, "two");
        assertEquals(0, run("subscribe", "--store", "--poll", url, command), err.toString());
        assertEquals(List.of("one", "two"), lines(got));
    }
}
