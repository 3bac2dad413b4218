package io.ntfybar.notify;

import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.subscribe.ConnectionEngine;
import io.ntfybar.subscribe.EngineConfig;
import io.ntfybar.subscribe.EngineListener;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For the screenshots in docs/screenshots: publishes a few typical messages to the test server while the app's
 * notification path shows them on this process's session bus. Not a test. Run it on a desktop (or under Xvfb with
 * dunst) with {@code DBUS_SESSION_BUS_ADDRESS} set; it exits after {@code args[0]} seconds (default 20).
 */
public final class NotificationDemo {
    private NotificationDemo() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("ntfybar-demo");
        Settings settings = Settings.defaults();
        try (NtfyTestServer server = NtfyTestServer.start();
                Database db = Database.open(dir)) {
            SubscriptionStore subs = new SubscriptionStore(db);
            Subscription sub = subs.add(Subscription.of(server.baseUrl(), "backups")
                    .withInitialFetchDone(true)
                    .withDisplayName("Backups"));
            H2MessageStore messages = new H2MessageStore(db);
            NotificationService service = NotificationService.create(
                    Notifiers.choose(System.err),
                    DesktopActions.standard(
                            HttpClients.requests(HttpClients.streaming()),
                            dir.resolve("cache"),
                            Keychains.sessionOnly("demo"),
                            () -> settings),
                    messages,
                    id -> id == sub.id() ? sub : null,
                    () -> settings);
            try (service;
                    ConnectionEngine engine = new ConnectionEngine(
                            HttpClients.streaming(),
                            subs,
                            messages,
                            Keychains.sessionOnly("demo"),
                            EngineConfig.defaults(),
                            service,
                            new EngineListener() {})) {
                engine.start(settings).get();
                while (server.openStreams() < 1) {
                    Thread.sleep(50);
                }
                server.publish(
                        "backups",
                        "**nas01**: backup of `/srv/photos` failed after 2h 14m.\n\n- disk: *98% full*\n- see [the log](https://nas01.example/log)",
                        Map.of(
                                "Title", "Backup failed",
                                "Priority", "5",
                                "Tags", "rotating_light,nas01",
                                "Markdown", "yes",
                                "Actions",
                                        "view, Open log, https://nas01.example/log; http, Retry now, https://nas01.example/retry, method=POST; copy, Copy host, nas01"));
                Thread.sleep(1_600);
                server.publish(
                        "backups",
                        "Nightly backup of /home finished: 41 GB in 12 min",
                        Map.of("Tags", "white_check_mark", "Priority", "2"));
                Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "20") * 1000);
            }
        }
    }
}
