package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.app.Main;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.settings.ShellWords;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippet of {@code ntfybar shell-integration} in a real interactive bash and zsh on a pseudo-terminal (tmux),
 * with a private HOME so that no user rc file takes part. The rc file evals what the real command prints; every long
 * command then starts a real ntfybar JVM in the background that publishes to the loopback server. Asserts on what the
 * server received. Only xdotool is a stand-in (see {@link #start()}), for the focus check.
 */
@Tag("shell")
// Only a net for a shell that hangs: each step has its own wait, and a busy machine starts these JVMs slowly.
@Timeout(600)
class ShellIntegrationShellTest {
    @TempDir
    Path dir;

    NtfyTestServer server;
    final String runId = "shell-test-" + UUID.randomUUID();

    @BeforeEach
    void start() throws Exception {
        DesktopTests.require(TmuxShell.available(), "tmux is not installed");
        server = NtfyTestServer.start();
        Path settings = dir.resolve("ntfybar/config/settings.yml");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "default-server: " + server.baseUrl() + "\ncli:\n  topic: shell\n");
        Files.createDirectories(dir.resolve("home"));
        // A stand-in for xdotool: the real one needs an X server with a window manager to name an active window.
        // This one says that window 4242 is the active one: a terminal whose WINDOWID is 4242 "has the focus".
        Path xdotool = dir.resolve("bin/xdotool");
        Files.createDirectories(xdotool.getParent());
        Files.writeString(xdotool, "#!/bin/sh\n[ \"$1\" = getactivewindow ] && echo 4242\n");
        xdotool.toFile().setExecutable(true);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bashReportsLongCommandsOnlyAndKeepsExistingHooks() throws Exception {
        String bash = program("bash");
        String rc = "PS1='$ '\n"
                + "PROMPT_COMMAND='prompts=$((prompts+1))'\n"
                + "trap 'debugs=$((debugs+1))' DEBUG\n"
                + "eval \"$(" + ntfybar(true) + " shell-integration --longer-than 1)\"\n";
        Files.writeString(dir.resolve("home/.bashrc"), rc);
        Map<String, String> env = env();
        env.put("SHELL", bash); // the shell is taken from $SHELL
        try (TmuxShell sh = TmuxShell.start(dir, env, bash, "-i")) {
            runScenario(sh);
            sh.type("echo \"prompts=$prompts debugs=$debugs\"");
            sh.sync("HOOKS");
            assertTrue(
                    Pattern.compile("(?m)^prompts=[1-9][0-9]* debugs=[1-9][0-9]*$")
                            .matcher(sh.screen())
                            .find(),
                    "the PROMPT_COMMAND and DEBUG trap that were there before still run:\n" + sh.screen());
        }
        assertPublishedExactlyTheLongCommands();
    }

    @Test
    void zshReportsLongCommandsOnly() throws Exception {
        String zsh = program("zsh");
        String rc = "PS1='$ '\n" + "eval \"$(" + ntfybar(true) + " shell-integration --shell zsh --longer-than 1)\"\n";
        Files.writeString(dir.resolve("home/.zshrc"), rc);
        Map<String, String> env = env();
        env.put("ZDOTDIR", dir.resolve("home").toString());
        try (TmuxShell sh = TmuxShell.start(dir, env, zsh, "-i")) {
            runScenario(sh);
        }
        assertPublishedExactlyTheLongCommands();
    }

    /**
     * A short command, a long one that succeeds, a long one that fails, a long one of a program ignored by default (sh),
     * one ignored through NTFYBAR_IGNORE, one while the terminal "has the focus", and last a long marker command: when
     * the marker has arrived and every ntfybar the shell started has ended, the server has all it will ever get.
     */
    private void runScenario(TmuxShell sh) throws Exception {
        sh.sync("READY"); // the rc file ran ntfybar shell-integration
        int n = 0;
        for (String line : List.of(
                "true",
                "sleep 2",
                "(sleep 1.1; exit 3)",
                "sh -c 'sleep 1.1'",
                "NTFYBAR_IGNORE='vim sleep'",
                "sleep 2",
                "unset NTFYBAR_IGNORE",
                "WINDOWID=4242 DISPLAY=:424",
                "sleep 1.1",
                "unset WINDOWID DISPLAY",
                "sleep 1.3")) {
            sh.type(line);
            sh.sync("STEP" + ++n);
        }
        Await.value(
                "the marker command published",
                () -> published().stream().map(Message::message).toList(),
                texts -> texts.stream().anyMatch(t -> t.startsWith("\"sleep 1.3\"")));
        Await.value(
                "every ntfybar the shell started ended",
                () -> ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(runId))
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                        .toList(),
                List::isEmpty);
    }

    private void assertPublishedExactlyTheLongCommands() {
        List<String> texts =
                new ArrayList<>(published().stream().map(Message::message).toList());
        texts.sort(null);
        assertEquals(3, texts.size(), "published: " + texts);
        assertTrue(
                texts.get(0).matches("\"\\(sleep 1.1; exit 3\\)\" failed \\(exit 3\\) in 0:0[1-9] minutes"),
                texts.get(0));
        assertTrue(texts.get(1).matches("\"sleep 1.3\" succeeded in 0:0[1-9] minutes"), texts.get(1));
        assertTrue(texts.get(2).matches("\"sleep 2\" succeeded in 0:0[2-9] minutes"), texts.get(2));
        Map<String, List<String>> tags = new LinkedHashMap<>();
        published().forEach(m -> tags.put(m.message(), m.tags()));
        assertEquals(List.of("x"), tags.get(texts.get(0)));
        assertEquals(List.of("white_check_mark"), tags.get(texts.get(2)));
    }

    /** How the shell starts ntfybar: this test class path's Main in a new JVM, tagged with the run id. */
    private String ntfybar(boolean withLauncherProperty) {
        List<String> jvm = new ArrayList<>(List.of(
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dntfybar.ntfy-config=" + dir.resolve("no-ntfy-client.yml"),
                "-Dntfybar.test-run=" + runId));
        if (withLauncherProperty) {
            jvm.add("-Dntfybar.launcher=" + ntfybar(false));
        }
        return ShellWords.command(ChildJvm.command(Main.class, jvm));
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", dir.resolve("home").toString());
        env.put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        env.put("TERM", "screen");
        env.put("LANG", "C.UTF-8");
        env.put("NTFYBAR_HOME", dir.resolve("ntfybar").toString());
        return env;
    }

    private static String program(String name) {
        for (String d : System.getenv("PATH").split(":")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        DesktopTests.require(false, name + " is not installed");
        return name;
    }

    private List<Message> published() {
        try {
            return new Poller(HttpClients.requests(HttpClients.streaming()))
                    .poll(
                            ConnectionKey.anonymous(ServerUrl.of(server.baseUrl())),
                            null,
                            List.of("shell"),
                            SubscribeQuery.live().withSince("all").withPoll(true));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
