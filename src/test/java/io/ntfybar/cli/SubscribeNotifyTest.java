package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.app.Main;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ntfybar subscribe --notify} in its own process, with only the session bus of a private desktop in its
 * environment: messages become dunst notifications through the app's own path, and JSON lines as before.
 */
class SubscribeNotifyTest {
    @TempDir
    Path home;

    @Test
    void everyNewMessageBecomesADesktopNotification() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(false);
                NtfyTestServer server = NtfyTestServer.start()) {
            Process cli = ChildJvm.start(
                    Main.class,
                    desktop.env(),
                    List.of("-Dntfybar.home=" + home),
                    "subscribe",
                    "--notify",
                    server.baseUrl() + "/deploys");
            java.util.concurrent.BlockingQueue<String> stdout = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (java.io.BufferedReader r = new java.io.BufferedReader(
                        new java.io.InputStreamReader(cli.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        stdout.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            reader.start();
            try {
                Await.value("the CLI subscribed", server::openStreams, n -> n >= 1);
                assertEquals(1, server.openStreams(), "the CLI subscribed once");
                server.publish("deploys", "v1.2 is live", Map.of("Title", "Deploy", "Tags", "rocket", "Priority", "2"));
                Path log = desktop.notificationLog();
                Await.value(
                        "a notification shown",
                        () -> Files.exists(log) ? Files.readAllLines(log) : List.of(),
                        shown -> !shown.isEmpty());
                String line = stdout.poll(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
                assertTrue(
                        line != null && line.contains("\"message\":\"v1.2 is live\""),
                        "JSON lines still go to stdout: " + line);
                assertEquals(
                        List.of("ntfybar|🚀 Deploy|" + server.baseUrl().replace("http://", "")
                                + "/deploys\\nv1.2 is live|LOW"),
                        Files.readAllLines(log));
            } finally {
                cli.destroy();
                assertTrue(
                        cli.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS), "the CLI stops on SIGTERM");
            }
        }
    }

    @Test
    void notifyCannotPoll() {
        StringWriter err = new StringWriter();
        int code = NtfybarCommand.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true),
                "subscribe",
                "--notify",
                "--poll",
                "x");
        assertEquals(1, code);
        assertTrue(err.toString().contains("--notify waits for new messages"), err.toString());
    }
}
