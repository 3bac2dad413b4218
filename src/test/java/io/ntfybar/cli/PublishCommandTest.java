package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.ActionType;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.testserver.NtfyTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ntfybar publish} against the loopback server, asserting what the server stored. */
class PublishCommandTest {
    @TempDir
    Path dir;

    NtfyTestServer server;
    CliHome cli;

    @BeforeEach
    void start() {
        server = NtfyTestServer.start();
        cli = new CliHome(dir.resolve("home"));
    }

    @AfterEach
    void stop() {
        cli.close();
        server.close();
    }

    private List<Message> cached(String topic, boolean scheduled) throws Exception {
        return new Poller(HttpClients.requests(HttpClients.streaming()))
                .poll(
                        ConnectionKey.anonymous(ServerUrl.of(server.baseUrl())),
                        null,
                        List.of(topic),
                        SubscribeQuery.live().withSince("all").withPoll(true).withScheduled(scheduled));
    }

    private Message only(String topic) throws Exception {
        List<Message> all = cached(topic, false);
        assertEquals(1, all.size(), "stored on the server: " + all);
        return all.get(0);
    }

    private String url(String topic) {
        return server.baseUrl() + "/" + topic;
    }

    @Test
    void everyOptionReachesTheServerAndTheIdIsPrinted() throws Exception {
        int code = cli.run(
                "publish",
                "-t",
                "Sicherung — fertig",
                "-p",
                "high",
                "--tags",
                "warning,übung",
                "--click",
                "https://example.com/run/42",
                "--icon",
                "https://example.com/i.png",
                "--actions",
                "view, Öffnen, https://example.com/a; http, Neu starten, https://example.com/r, method=PUT",
                "--attach",
                "https://example.com/f.zip",
                "--filename",
                "bericht.zip",
                "--markdown",
                "--sequence-id",
                "backup-7",
                url("alerts"),
                "Festplatte",
                "**voll**");
        assertEquals(0, code, cli.err());
        Message m = only("alerts");
        assertEquals(m.id(), cli.out(), "the id is printed");
        assertEquals("Sicherung — fertig", m.title());
        assertEquals("Festplatte **voll**", m.message());
        assertEquals(4, m.priority());
        assertEquals(List.of("warning", "übung"), m.tags());
        assertEquals("https://example.com/run/42", m.click());
        assertEquals("https://example.com/i.png", m.icon());
        assertEquals(2, m.actions().size());
        assertEquals(ActionType.HTTP, m.actions().get(1).type());
        assertEquals("Neu starten", m.actions().get(1).label());
        assertEquals("PUT", m.actions().get(1).method());
        assertEquals("https://example.com/f.zip", m.attachment().url());
        assertEquals("bericht.zip", m.attachment().name());
        assertEquals(Message.MARKDOWN, m.contentType());
        assertEquals("backup-7", m.sequenceId());
    }

    @Test
    void jsonPrintsTheServersAnswerAndQuietPrintsNothing() throws Exception {
        assertEquals(0, cli.run("send", "--json", url("t1"), "one"));
        Message printed = MessageCodec.decodeLine(cli.out());
        assertEquals(only("t1").id(), printed.id());
        assertEquals("one", printed.message());
        assertEquals(0, cli.run("pub", "-q", url("t2"), "two"));
        assertEquals("", cli.out());
        assertEquals("two", only("t2").message());
    }

    @Test
    void standAloneShortcodesBecomeEmojiUnlessTurnedOff() throws Exception {
        assertEquals(0, cli.run("publish", "-t", ":tada: Done", url("e1"), ":rocket: shipped, root:x:0:0 :+1:"));
        Message m = only("e1");
        assertEquals("🎉 Done", m.title());
        assertEquals("🚀 shipped, root:x:0:0 👍", m.message());
        assertEquals(0, cli.run("publish", "--no-emoji", "-t", ":tada:", url("e2"), ":rocket:"));
        assertEquals(":tada:", only("e2").title());
        assertEquals(":rocket:", only("e2").message());
    }

    @Test
    void standardInputIsTheMessageUnchanged() throws Exception {
        byte[] in = "log line :tada:\nsecond line\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, cli.runWithInput(in, "publish", url("stdin")));
        assertEquals("log line :tada:\nsecond line", only("stdin").message());
    }

    @Test
    void longStandardInputBecomesATextAttachment() throws Exception {
        String text = "x".repeat(6000);
        assertEquals(0, cli.runWithInput(text.getBytes(StandardCharsets.UTF_8), "publish", url("long")));
        Message m = only("long");
        assertNotNull(m.attachment(), "the server kept the long text as an attachment: " + m);
        assertEquals(6000L, m.attachment().size());
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAsAnAttachmentByteForByte() throws Exception {
        byte[] data = new byte[1024 * 1024];
        new Random(7).nextBytes(data);
        assertEquals(0, cli.runWithInput(data, "publish", url("random")), cli.err());
        Message m = only("random");
        assertNotNull(m.attachment(), "the server kept the bytes as an attachment: " + m);
        assertEquals("attachment.bin", m.attachment().name());
        assertEquals("You received a file: attachment.bin", m.message());
        assertEquals((long) data.length, m.attachment().size());
        assertArrayEquals(data, downloadBytes(m.attachment().url()), "the stored file is the input");
    }

    @Test
    void latin1TextIsAnAttachmentWithTheOptionsKept() throws Exception {
        byte[] data = {'c', 'a', 'f', (byte) 0xE9};
        assertEquals(0, cli.runWithInput(data, "publish", "-t", "Menü", "--tags", "coffee", url("latin1")), cli.err());
        Message m = only("latin1");
        assertNotNull(m.attachment(), "a lossy decode would have made it the message: " + m);
        assertEquals("attachment.bin", m.attachment().name());
        assertEquals("You received a file: attachment.bin", m.message());
        assertEquals("Menü", m.title());
        assertEquals(List.of("coffee"), m.tags());
        assertArrayEquals(data, downloadBytes(m.attachment().url()));
    }

    @Test
    void utf8WithEmojiAndSeveralLinesIsStillTheMessage() throws Exception {
        String text = "Build 🎉 fertig\nzweite Zeile: café ñ 日本\n🇩🇪 👩‍💻 done";
        assertEquals(0, cli.runWithInput((text + "\n").getBytes(StandardCharsets.UTF_8), "publish", url("utf8")));
        Message m = only("utf8");
        assertEquals(text, m.message());
        assertNull(m.attachment(), "valid UTF-8 of message size is not an attachment");
    }

    @Test
    void localRefusesInputThatIsNotTextWithASentence() {
        byte[] data = {'c', 'a', 'f', (byte) 0xE9};
        assertEquals(1, cli.runWithInput(data, "publish", "--local", "alerts"));
        assertTrue(cli.err().contains("--local shows text only"), cli.err());
    }

    @Test
    void standardInputIsNotReadWhenTheMessageIsGiven() throws Exception {
        byte[] data = {(byte) 0xFF, (byte) 0xFE, 0};
        assertEquals(0, cli.runWithInput(data, "publish", url("typed"), "typed", "words"));
        Message m = only("typed");
        assertEquals("typed words", m.message());
        assertNull(m.attachment());
    }

    @Test
    void fileIsUploadedWithItsNameAndTheMessage() throws Exception {
        Path f = dir.resolve("Bericht März.txt");
        Files.writeString(f, "a\n".repeat(3000));
        assertEquals(0, cli.run("publish", "--file", f.toString(), url("files"), "Monatsbericht"));
        Message m = only("files");
        assertEquals("Monatsbericht", m.message());
        assertEquals("Bericht März.txt", m.attachment().name());
        assertEquals(6000L, m.attachment().size());
        assertEquals("a\n".repeat(3000), download(m.attachment().url()));
    }

    @Test
    void fileFromStandardInputIsStreamed() throws Exception {
        byte[] data = "binary\0data".repeat(500).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, cli.runWithInput(data, "publish", "--file", "-", "-n", "dump.bin", url("pipe"), "dump"));
        Message m = only("pipe");
        assertEquals("dump.bin", m.attachment().name());
        assertEquals((long) data.length, m.attachment().size());
    }

    @Test
    void noCacheAndDelayAreSent() throws Exception {
        assertEquals(0, cli.run("publish", "--no-cache", "--json", url("nc"), "gone"));
        assertNull(MessageCodec.decodeLine(cli.out()).expires(), "a message not cached has no expiry");
        assertEquals(0, cli.run("publish", "--in", "30m", url("later"), "soon"));
        assertTrue(cached("later", false).isEmpty(), "not delivered yet");
        Message scheduled = cached("later", true).get(0);
        long inMinutes = (scheduled.time() - System.currentTimeMillis() / 1000) / 60;
        assertTrue(inMinutes >= 29 && inMinutes <= 30, "delivered in 30 minutes, not " + inMinutes);
    }

    @Test
    void defaultsComeFromSettingsAndTheNtfyClientConfig() throws Exception {
        server.auth().enable("deny-all").addUser("phil", "pw", false).allow("phil", "secret", true, true);
        String token = server.auth().addToken("phil");
        cli.settings("cli:\n  topic: secret\n  title: From the CLI\n")
                .ntfyClientConfig("default-host: " + server.baseUrl() + "\ndefault-token: " + token + "\n");
        assertEquals(0, cli.run("publish", "-m", "with the token from client.yml"), cli.err());
        server.auth().disable();
        Message m = only("secret");
        assertEquals("with the token from client.yml", m.message());
        assertEquals("From the CLI", m.title());
    }

    @Test
    void wrongTokenIsASentenceAndExitCodeOne() {
        server.auth().enable("deny-all").addUser("phil", "pw", false).allow("phil", "secret", true, true);
        assertEquals(1, cli.run("publish", "-k", "tk_wrongwrongwrongwrongwrongwrong", url("secret"), "hi"));
        assertTrue(cli.err().startsWith("ntfybar publish: "), cli.err());
        assertTrue(cli.err().toLowerCase().contains("token"), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void unreachableServerIsASentence() {
        int port = server.port();
        server.close();
        assertEquals(1, cli.run("publish", "http://127.0.0.1:" + port + "/alerts", "hi"));
        assertTrue(cli.err().contains("Could not reach 127.0.0.1:" + port), cli.err());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws Exception {
        assertEquals(1, cli.run("publish", "-p", "loud", url("bad"), "x"));
        assertTrue(cli.err().contains("priority 'loud' is not valid"), cli.err());
        assertEquals(1, cli.run("publish", "alerts/backups", "x"));
        assertTrue(cli.err().contains("'alerts/backups' is not a topic"), cli.err());
        assertEquals(1, cli.run("publish", "--file", dir.resolve("missing.pdf").toString(), url("bad"), "x"));
        assertTrue(cli.err().contains("Cannot read the file"), cli.err());
        assertEquals(1, cli.run("publish", "--actions", "launch, Go, https://x", url("bad"), "x"));
        assertTrue(cli.err().contains("--actions is not valid"), cli.err());
        assertEquals(1, cli.run("publish", "-u", "phil:pw", "-k", "tk_x", url("bad"), "x"));
        assertTrue(cli.err().contains("either -u or -k"), cli.err());
        assertEquals(1, cli.run("publish", "--click", "x", "-m", "no topic"));
        assertTrue(cli.err().contains("no topic given"), cli.err());
        assertEquals(1, cli.run("publish", "-u", "phil", url("bad"), "x"));
        assertTrue(cli.err().contains("no terminal to ask for it"), cli.err());
        assertTrue(cached("bad", true).isEmpty(), "nothing was published");
    }

    @Test
    void unknownServerNameIsASentence() {
        assertEquals(1, cli.run("publish", "https://no-such-host.invalid/alerts", "x"));
        assertTrue(cli.err().contains("Could not reach no-such-host.invalid"), cli.err());
    }

    @Test
    void brokenNtfyClientConfigIsASentence() {
        cli.ntfyClientConfig("default-host: [unclosed\n");
        assertEquals(1, cli.run("publish", url("x"), "hi"));
        assertTrue(cli.err().contains("is not valid (line"), cli.err());
    }

    @Test
    void waitCmdAndWaitPidAreNtfysSpellingOfDone() throws Exception {
        int code = cli.run("publish", "--wait-cmd", "-t", "Job", url("jobs"), "--", "sh", "-c", "exit 3");
        assertEquals(3, code, "the command's exit code: " + cli.err());
        Message m = only("jobs");
        assertTrue(m.message().startsWith("\"sh -c 'exit 3'\" failed (exit 3) in 0:0"), m.message());
        assertEquals(List.of("x"), m.tags());
        assertEquals("Job", m.title());

        Process sleeper = new ProcessBuilder("sleep", "1").start();
        assertEquals(0, cli.run("pub", "--wait-pid", String.valueOf(sleeper.pid()), url("pids")));
        assertTrue(!sleeper.isAlive(), "published only after the process ended");
        assertTrue(
                only("pids").message().startsWith("Process " + sleeper.pid()),
                only("pids").message());
    }

    private byte[] downloadBytes(String url) throws Exception {
        try (Response r = HttpClients.requests(HttpClients.streaming())
                .newCall(new Request.Builder().url(url).build())
                .execute()) {
            assertEquals(200, r.code(), url);
            return r.body().bytes();
        }
    }

    private String download(String url) throws Exception {
        try (Response r = HttpClients.requests(HttpClients.streaming())
                .newCall(new Request.Builder().url(url).build())
                .execute()) {
            return r.body().string();
        }
    }
}
