package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestAuth;
import io.ntfybar.testsupport.Await;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ntfybar subscribe --from-config} with ntfy's client.yml against the loopback server, with auth on: each entry
 * with its own login, command and filters.
 */
class SubscribeFromConfigTest {
    @TempDir
    Path dir;

    NtfyTestServer server;
    String token;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = NtfyTestServer.start();
        server.auth()
                .enable(TestAuth.Access.DENY_ALL)
                .addUser("phil", "secret-pw", false)
                .allow("phil", "secret", TestAuth.Access.READ_ONLY)
                .allow(TestAuth.EVERYONE, "open", TestAuth.Access.READ_WRITE);
        token = server.auth().addToken("phil");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        return NtfybarCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("client.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private List<String> printedTexts() {
        return out.toString()
                .lines()
                .map(l -> MessageCodec.decodeLine(l).message())
                .toList();
    }

    /** Two entries: "secret" with a token, a command and a priority filter; "open" anonymous with the default command. */
    private Path twoEntries() throws IOException {
        return config("default-host: " + server.baseUrl() + "\n"
                + "default-command: 'echo \"default:$topic:$m\" >> " + dir.resolve("default.txt") + "'\n"
                + "subscribe:\n"
                + "  - topic: secret\n"
                + "    token: " + token + "\n"
                + "    command: 'echo \"secret:$p:$m\" >> " + dir.resolve("secret.txt") + "'\n"
                + "    if:\n"
                + "      priority: high\n"
                + "  - topic: open\n");
    }

    @Test
    void everyEntryHasItsOwnLoginCommandAndFilters() throws Exception {
        Path file = twoEntries();
        server.publish("secret", "low one", Map.of("Priority", "2"));
        server.publish("secret", "high one", Map.of("Priority", "4"));
        server.publish("open", "hi");
        assertEquals(0, run("subscribe", "--from-config", "-c", file.toString(), "--poll"), err.toString());
        assertEquals(List.of("secret:4:high one"), lines(dir.resolve("secret.txt")));
        assertEquals(List.of("default:open:hi"), lines(dir.resolve("default.txt")));
        assertTrue(
                server.requestLines().stream()
                        .anyMatch(l -> l.startsWith("GET /secret/json?") && l.contains("priority=4")),
                server.requestLines().toString());
        assertEquals("", out.toString());
    }

    @Test
    void aLiveRunKeepsOneStreamPerLoginAndFilter() throws Exception {
        Path file = twoEntries();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread cli = new Thread(() -> exit.set(run("subscribe", "-C", "-c", file.toString())));
        cli.start();
        try {
            Await.value("two streams open", server::openStreams, n -> n == 2);
            server.publish("secret", "not for us", Map.of("Priority", "1"));
            server.publish("secret", "alarm", Map.of("Priority", "4"));
            server.publish("open", "hello");
            Await.value(
                    "one line in each command's file",
                    () -> List.of(lines(dir.resolve("secret.txt")), lines(dir.resolve("default.txt"))),
                    both -> both.get(0).size() == 1 && both.get(1).size() == 1);
            assertEquals(List.of("secret:4:alarm"), lines(dir.resolve("secret.txt")));
            assertEquals(List.of("default:open:hello"), lines(dir.resolve("default.txt")));
        } finally {
            cli.interrupt();
            cli.join(Await.DEFAULT_DEADLINE.toMillis());
        }
        assertEquals(130, exit.get(), err.toString());
    }

    @Test
    void defaultLoginAppliesToEntriesWithoutOneAndATopicOnTheCommandLineIsAdded() throws Exception {
        Path file = config("default-host: " + server.baseUrl() + "\n"
                + "default-user: phil\n"
                + "default-password: secret-pw\n"
                + "subscribe:\n"
                + "  - topic: secret\n");
        server.publish("secret", "for phil");
        server.publish("open", "for all");
        String previous = System.getProperty("ntfybar.ntfy-config");
        System.setProperty("ntfybar.ntfy-config", file.toString());
        try {
            assertEquals(0, run("subscribe", "--from-config", "--poll", server.baseUrl() + "/open"), err.toString());
        } finally {
            restore(previous);
        }
        assertEquals(List.of("for phil", "for all"), printedTexts());
    }

    @Test
    void aWrongTokenInAnEntryEndsWithASentence() throws Exception {
        Path file = config("subscribe:\n  - topic: " + server.baseUrl()
                + "/secret\n    token: tk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
        assertEquals(1, run("subscribe", "-C", "-c", file.toString(), "-p"));
        assertTrue(err.toString().startsWith("ntfybar subscribe: "), err.toString());
        assertTrue(err.toString().contains("access token"), err.toString());
    }

    @Test
    void anInvalidClientConfigIsAClearError() throws Exception {
        Path file = config("subscribe:\n  - topic: [unclosed\n");
        assertEquals(1, run("subscribe", "--from-config", "-c", file.toString(), "--poll"));
        assertTrue(err.toString().contains("ntfy client config " + file + " is not valid"), err.toString());
        assertEquals(List.of(), server.requestLines());
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        Path file = dir.resolve("nope.yml");
        assertEquals(1, run("subscribe", "--from-config", "-c", file.toString()));
        assertEquals("ntfybar subscribe: The ntfy client config " + file + " does not exist.\n", err.toString());
    }

    @Test
    void anUnknownFilterIsAClearError() throws Exception {
        Path file = config("subscribe:\n  - topic: open\n    if:\n      colour: red\n");
        assertEquals(1, run("subscribe", "-C", "-c", file.toString(), "-p"));
        assertTrue(err.toString().contains("subscribe entry 1 (open) has the filter 'colour'"), err.toString());
    }

    @Test
    void aConfigWithoutEntriesAndNoTopicIsAClearError() throws Exception {
        Path file = config("default-host: " + server.baseUrl() + "\n");
        assertEquals(1, run("subscribe", "-C", "-c", file.toString()));
        assertTrue(err.toString().contains("has no 'subscribe:' entries"), err.toString());
    }

    @Test
    void theStoreNeedsOneLoginPerServer() throws Exception {
        Path file = twoEntries();
        assertEquals(1, run("subscribe", "--store", "-C", "-c", file.toString(), "-p"));
        assertTrue(err.toString().contains("must use one login"), err.toString());
        assertTrue(!err.toString().contains(token), "the token is never shown: " + err);
    }

    @Test
    void withTheStoreEntriesKeepTheirCommandsAndFilters() throws Exception {
        String topic = "open";
        Path file = config("default-host: " + server.baseUrl() + "\n"
                + "subscribe:\n"
                + "  - topic: " + topic + "\n"
                + "    command: 'echo \"urgent:$m\" >> " + dir.resolve("urgent.txt") + "'\n"
                + "    if: {priority: 'urgent,high'}\n"
                + "  - topic: " + topic + "\n"
                + "    command: 'echo \"all:$m\" >> " + dir.resolve("all.txt") + "'\n");
        server.publish(topic, "calm", Map.of("Priority", "3"));
        server.publish(topic, "fire", Map.of("Priority", "5"));
        Path home = dir.resolve("home");
        String previous = System.getProperty("ntfybar.home");
        System.setProperty("ntfybar.home", home.toString());
        try {
            assertEquals(
                    0, run("subscribe", "--store", "-C", "-c", file.toString(), "-p", "--since=all"), err.toString());
        } finally {
            if (previous == null) {
                System.clearProperty("ntfybar.home");
            } else {
                System.setProperty("ntfybar.home", previous);
            }
        }
        assertEquals(List.of("urgent:fire"), lines(dir.resolve("urgent.txt")));
        assertEquals(List.of("all:calm", "all:fire"), lines(dir.resolve("all.txt")));
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty("ntfybar.ntfy-config");
        } else {
            System.setProperty("ntfybar.ntfy-config", previous);
        }
    }
}
