package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.settings.ShellWords;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.testserver.NtfyTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ntfybar done} against the loopback server: what was published, and the exit code passed through. */
class DoneCommandTest {
    @TempDir
    Path dir;

    NtfyTestServer server;
    CliHome cli;

    @BeforeEach
    void start() {
        server = NtfyTestServer.start();
        cli = new CliHome(dir.resolve("home"));
        cli.settings("default-server: " + server.baseUrl() + "\ncli:\n  topic: builds\n");
    }

    @AfterEach
    void stop() {
        cli.close();
        server.close();
    }

    private List<Message> published(String topic) throws Exception {
        return new Poller(HttpClients.requests(HttpClients.streaming()))
                .poll(
                        ConnectionKey.anonymous(ServerUrl.of(server.baseUrl())),
                        null,
                        List.of(topic),
                        SubscribeQuery.live().withSince("all").withPoll(true));
    }

    private Message only(String topic) throws Exception {
        List<Message> all = published(topic);
        assertEquals(1, all.size(), "published: " + all);
        return all.get(0);
    }

    @Test
    void aSucceedingCommandIsReportedToTheDefaultTopicAndItsOutputPassesThrough() throws Exception {
        int code = cli.run("done", "--", "sh", "-c", "echo to stdout; echo to stderr >&2");
        assertEquals(0, code, cli.err());
        assertEquals("to stdout", cli.out(), "stdout is the command's alone: no message id");
        assertEquals("to stderr", cli.err());
        Message m = only("builds");
        assertEquals("\"sh -c 'echo to stdout; echo to stderr >&2'\" succeeded in 0:00 minutes", m.message());
        assertEquals(List.of("white_check_mark"), m.tags());
        assertEquals("ntfybar on " + HostName.get(), m.title());
    }

    @Test
    void aFailingCommandIsReportedAndItsExitCodeBecomesNtfybars() throws Exception {
        int code = cli.run("done", "--topic", "ci", "-t", "Nightly", "-p", "high", "sh", "-c", "exit 3");
        assertEquals(3, code, cli.err());
        Message m = only("ci");
        assertEquals("\"sh -c 'exit 3'\" failed (exit 3) in 0:00 minutes", m.message());
        assertEquals(List.of("x"), m.tags());
        assertEquals("Nightly", m.title());
        assertEquals(4, m.priority());
        assertTrue(published("builds").isEmpty(), "--topic replaces the default topic");
    }

    @Test
    void theCommandsOwnOptionsAreNotReadAsDones() throws Exception {
        assertEquals(0, cli.run("done", "ls", "-la", "-t", dir.toString()), cli.err());
        assertTrue(cli.out().contains("home"), cli.out());
        assertEquals(
                "\"ls -la -t " + ShellWords.quote(dir.toString()) + "\" succeeded in 0:00 minutes",
                only("builds").message());
    }

    @Test
    void theCommandReadsNtfybarsStandardInput() throws Exception {
        int code = cli.runWithInput("line one\nline two\n".getBytes(StandardCharsets.UTF_8), "done", "wc", "-l");
        assertEquals(0, code, cli.err());
        assertEquals("2", cli.out());
    }

    @Test
    void aCommandEndedByCtrlCIsNotReported() throws Exception {
        // perl restores SIGINT's default first: a build started in the background (nohup, `&` in a script) passes
        // SIGINT on ignored, and a command that ignores it would simply carry on, as it would under a shell too.
        assertEquals(
                130,
                cli.run("done", "perl", "-e", "$SIG{INT} = 'DEFAULT'; kill 'INT', $$; sleep 60"),
                "SIGINT: 128 + 2, as a shell reports it");
        assertTrue(published("builds").isEmpty(), "the user pressed Ctrl-C, so was there");
        assertEquals("", cli.err());
    }

    @Test
    void aCommandThatDoesNotExistExitsWith127AndIsReportedAsFailed() throws Exception {
        int code = cli.run("done", "no-such-program-ntfybar-test", "--flag");
        assertEquals(127, code);
        assertEquals(
                "ntfybar done: cannot run no-such-program-ntfybar-test: no such program (not found on the PATH)",
                cli.err());
        Message m = only("builds");
        assertEquals("\"no-such-program-ntfybar-test --flag\" failed (exit 127) in 0:00 minutes", m.message());
        assertEquals(List.of("x"), m.tags());
    }

    @Test
    void aFileThatIsNotExecutableExitsWith126() throws Exception {
        Path script = Files.writeString(dir.resolve("script.sh"), "echo hi\n");
        assertEquals(126, cli.run("done", script.toString()));
        assertTrue(cli.err().contains("permission denied"), cli.err());
        assertTrue(only("builds").message().endsWith("failed (exit 126) in 0:00 minutes"));
    }

    @Test
    void pidWaitsForARunningProcessAndSaysItFinished() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "1").start();
        try {
            assertEquals(0, cli.run("done", "--pid", Long.toString(sleeper.pid())), cli.err());
            assertFalse(sleeper.isAlive(), "done returned only after the process had ended");
            Message m = only("builds");
            assertTrue(
                    m.message().matches("Process " + sleeper.pid() + " \\(\"sleep\"\\) finished in 0:0[0-9] minutes"),
                    m.message());
            assertEquals(List.of("checkered_flag"), m.tags());
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void pidOfNoProcessIsAClearError() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertEquals(1, cli.run("done", "--pid", Long.toString(gone.pid())));
        assertEquals("ntfybar done: no process with id " + gone.pid() + " is running", cli.err());
        assertTrue(published("builds").isEmpty());
    }

    @Test
    void longerThanPublishesOnlyWhatRanLonger() throws Exception {
        assertEquals(5, cli.run("done", "--longer-than", "60", "sh", "-c", "exit 5"), "still the command's code");
        assertTrue(published("builds").isEmpty(), "a command of 0 s is not longer than 60 s");
        assertEquals(
                0, cli.run("done", "--longer-than", "5", "--finished", "make", "--exit-code", "0", "--millis", "5000"));
        assertTrue(published("builds").isEmpty(), "exactly 5 s is not longer than 5 s");
        assertEquals(
                0, cli.run("done", "--longer-than", "5", "--finished", "make", "--exit-code", "2", "--millis", "5001"));
        assertEquals("\"make\" failed (exit 2) in 0:05 minutes", only("builds").message());
    }

    @Test
    void aCommandLineTheShellRanIsReportedAsTypedButNotWhenEndedByCtrlC() throws Exception {
        assertEquals(0, cli.run("done", "--finished", "tail -f log", "--exit-code", "130", "--millis", "90000"));
        assertTrue(published("builds").isEmpty(), "Ctrl-C (exit 130): the user was there");
        assertEquals(
                0,
                cli.run("done", "--finished", " make -j8 && make install ", "--exit-code", "0", "--millis", "3723000"));
        assertEquals(
                "\"make -j8 && make install\" succeeded in 1:02:03 hours",
                only("builds").message());
    }

    @Test
    void withoutATopicNothingRunsAndTheErrorSaysHowToSetOne() throws Exception {
        cli.settings("default-server: " + server.baseUrl() + "\n");
        Path marker = dir.resolve("ran");
        assertEquals(1, cli.run("done", "touch", marker.toString()));
        assertTrue(cli.err().startsWith("ntfybar done: no topic to publish to: give --topic TOPIC"), cli.err());
        assertTrue(cli.err().contains("settings.yml (cli: {topic: mytopic})"), cli.err());
        assertFalse(Files.exists(marker), "the command was not run");
    }

    @Test
    void anInvalidTopicIsRefusedBeforeTheCommandRuns() throws Exception {
        Path marker = dir.resolve("ran");
        assertEquals(1, cli.run("done", "--topic", "bad.topic!", "touch", marker.toString()));
        assertTrue(cli.err().startsWith("ntfybar done: "), cli.err());
        assertTrue(cli.err().contains("topic"), cli.err());
        assertFalse(Files.exists(marker));
        assertEquals(0, server.requestLines().size());
    }

    @Test
    void aFailedPublishIsToldButTheExitCodeStaysTheCommands() {
        assertEquals(0, cli.run("done", "--topic", "http://127.0.0.1:1/builds", "true"));
        assertTrue(cli.err().startsWith("ntfybar done: "), cli.err());
        assertTrue(cli.err().contains("127.0.0.1:1"), cli.err());
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, cli.run("done"));
        assertEquals(
                "ntfybar done: give the command to run (ntfybar done sleep 10) or --pid PID (see ntfybar done --help)",
                cli.err());
        assertEquals(2, cli.run("done", "--pid", "1", "true"));
        assertTrue(cli.err().contains("not both"), cli.err());
        assertEquals(2, cli.run("done", "-m", "hello", "true"));
        assertTrue(cli.err().contains("writes the message itself"), cli.err());
        assertEquals(2, cli.run("done", "--finished", "make"));
        assertTrue(cli.err().contains("--exit-code"), cli.err());
        assertEquals(2, cli.run("done", "--longer-than", "-1", "true"));
        assertEquals(0, server.requestLines().size());
    }

    @Test
    void helpHasExamples() {
        assertEquals(0, cli.run("done", "--help"));
        assertTrue(cli.out().contains("Examples:"), cli.out());
        assertTrue(cli.out().contains("ntfybar done --pid 6379"), cli.out());
        assertFalse(cli.out().contains("--finished"), "the shell integration's options are hidden");
    }
}
