package io.ntfybar.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.actions.AttachmentDownloader;
import io.ntfybar.actions.HttpActionRunner;
import io.ntfybar.actions.IconCache;
import io.ntfybar.actions.SystemLinkOpener;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.notify.linux.DbusNotifier;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.render.Renderer;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.subscribe.ConnectionEngine;
import io.ntfybar.subscribe.EngineConfig;
import io.ntfybar.subscribe.EngineListener;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.DesktopSession;
import io.ntfybar.testsupport.LoopbackHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linux end to end: a message published to the test server goes through the engine, the H2 store, the dispatch
 * policy and the renderer into a real dunst over a private D-Bus session bus; its buttons, invoked through dunst as
 * a user's choice, run the real actions (an HTTP request to a loopback endpoint; a javascript: link refused).
 */
class NotificationEndToEndTest {
    @TempDir
    Path dir;

    private static void await(String what, BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int displayed(DesktopSession d) {
        try {
            return Integer.parseInt(d.run("dunstctl", "count", "displayed").strip());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void publishedMessageBecomesADunstNotificationWhoseButtonsWork() throws Exception {
        Path opened = dir.resolve("opened.txt");
        Path opener = dir.resolve("opener.sh");
        Files.writeString(opener, "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" + opened + "'\n");
        Files.setPosixFilePermissions(opener, PosixFilePermissions.fromString("rwx------"));
        BlockingQueue<String> notices = new LinkedBlockingQueue<>();
        BlockingQueue<String> results = new LinkedBlockingQueue<>();

        try (DesktopSession desktop = DesktopSession.start(false);
                NtfyTestServer server = NtfyTestServer.start();
                LoopbackHttp hook = new LoopbackHttp();
                Database db = Database.open(dir.resolve("store"))) {
            SubscriptionStore subs = new SubscriptionStore(db);
            H2MessageStore messages = new H2MessageStore(db);
            Subscription sub =
                    subs.add(Subscription.of(server.baseUrl(), "lights").withInitialFetchDone(true));
            OkHttpClient client = HttpClients.streaming();
            Settings settings = Settings.defaults();
            DesktopActions actions = new DesktopActions(
                    new SystemLinkOpener(List.of(opener.toString()), Duration.ofSeconds(1)),
                    new HttpActionRunner(HttpClients.requests(client)),
                    text -> {
                        throw new IllegalStateException("no clipboard in this test");
                    },
                    new AttachmentDownloader(HttpClients.requests(client), dir.resolve("cache/attachments")),
                    new IconCache(HttpClients.requests(client), dir.resolve("cache/icons")),
                    Keychains.sessionOnly("test"),
                    () -> settings);
            NotificationService service = new NotificationService(
                    new Renderer(MessageDisplay.withNtfyShDefault()),
                    DbusNotifier.connect(desktop.busAddress()).orElseThrow(),
                    actions,
                    messages,
                    id -> id == sub.id() ? sub : null,
                    () -> settings,
                    System::currentTimeMillis);
            service.setEvents(new NotificationEvents() {
                @Override
                public void onNotice(String text) {
                    notices.add(text);
                }

                @Override
                public void onActionResult(StoredMessage message, int index, boolean success, String reason) {
                    results.add(index + " " + success + " " + reason);
                }
            });
            try (service;
                    ConnectionEngine engine = new ConnectionEngine(
                            client,
                            subs,
                            messages,
                            Keychains.sessionOnly("test"),
                            EngineConfig.defaults(),
                            service,
                            new EngineListener() {})) {
                engine.start(settings).get(10, TimeUnit.SECONDS);
                await("the stream", () -> server.openStreams() == 1);

                String actionsJson = "[{\"action\":\"http\",\"label\":\"Turn off\",\"url\":\"" + hook.baseUrl()
                        + "/lights\",\"method\":\"PUT\",\"headers\":{\"X-Token\":\"abc\"},"
                        + "\"body\":\"{\\\"on\\\":false}\",\"clear\":true},"
                        + "{\"action\":\"view\",\"label\":\"Evil\",\"url\":\"javascript:alert(1)\"}]";
                server.publish(
                        "lights",
                        "Kitchen lights are on",
                        Map.of("Title", "Lights", "Priority", "5", "Tags", "bulb", "Actions", actionsJson));
                await("dunst shows it", () -> lines(desktop.notificationLog()).size() == 1);
                assertEquals(
                        "ntfybar|💡 Lights|" + sub.baseUrl().replace("http://", "")
                                + "/lights\\nKitchen lights are on|CRITICAL",
                        lines(desktop.notificationLog()).get(0));

                // The javascript: view button, chosen in dunst: refused with a notice, nothing opened.
                Files.writeString(desktop.pickFile(), "action-1");
                desktop.run("dunstctl", "context");
                String notice = notices.poll(10, TimeUnit.SECONDS);
                assertNotNull(notice, "a refused link says so");
                assertTrue(notice.contains("javascript"), notice);
                assertTrue(results.poll(5, TimeUnit.SECONDS).startsWith("1 false"));
                assertFalse(Files.exists(opened), "the opener never ran");
                assertEquals(0, hook.pending());

                // It is shown again (the revision of a new publish with the same sequence would replace it); the
                // http button runs the request, exactly as the action says, then the notification closes.
                server.publish(
                        "lights",
                        "Kitchen lights are still on",
                        Map.of("Title", "Lights", "Priority", "5", "Actions", actionsJson));
                await(
                        "dunst shows the second",
                        () -> lines(desktop.notificationLog()).size() == 2);
                Files.writeString(desktop.pickFile(), "action-0");
                desktop.run("dunstctl", "context");
                LoopbackHttp.Recorded req = hook.next();
                assertNotNull(req, "the http action reached the endpoint");
                assertEquals("PUT", req.method());
                assertEquals("/lights", req.path());
                assertEquals("abc", req.header("X-Token"));
                assertEquals("{\"on\":false}", new String(req.body(), StandardCharsets.UTF_8));
                assertEquals(null, req.header("Authorization"));
                assertTrue(results.poll(5, TimeUnit.SECONDS).startsWith("0 true"));
                await("the notification closes", () -> displayed(desktop) == 0);
                assertTrue(messages.unreadCounts().getOrDefault(sub.id(), 0) == 1, "clear=true marked it read");
            }
        }
    }
}
