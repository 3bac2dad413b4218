package io.ntfybar.ui;

import io.ntfybar.app.DesktopCore;
import io.ntfybar.app.linux.XdgAutostart;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Subscription;
import io.ntfybar.notify.fallback.NoNotifier;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.EngineConfig;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testserver.TestServerConfig;
import io.ntfybar.testsupport.Await;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The real app core ({@link DesktopCore}: H2 file, settings file, engine, notification service) on a temporary folder,
 * connected to a fresh ntfy test server, for ViewModel and window tests. The keychain is session memory and
 * notifications go nowhere ({@link NoNotifier}): the UI tests are about the windows; notifications have their own
 * end-to-end tests.
 */
public final class TestCore implements AutoCloseable {
    public final NtfyTestServer server;
    public final DesktopCore core;
    public final Path home;

    private TestCore(NtfyTestServer server, DesktopCore core, Path home) {
        this.server = server;
        this.core = core;
        this.home = home;
    }

    public static TestCore start(Path home) {
        return start(home, TestServerConfig.defaults());
    }

    public static TestCore start(Path home, TestServerConfig config) {
        return on(NtfyTestServer.start(config), home);
    }

    /** Against a server that requires a client certificate ({@link io.ntfybar.testserver.TestTls#mutual}). */
    public static TestCore startMutualTls(Path home, javax.net.ssl.SSLContext serverContext) {
        return on(NtfyTestServer.startMutualTls(TestServerConfig.defaults(), serverContext), home);
    }

    private static TestCore on(NtfyTestServer server, Path home) {
        AppPaths paths =
                new AppPaths(home.resolve("data"), home.resolve("config"), home.resolve("logs"), home.resolve("cache"));
        DesktopCore core = DesktopCore.open(
                paths,
                Keychains.sessionOnly("tests"),
                new NoNotifier("tests", new PrintStream(OutputStream.nullOutputStream())),
                EngineConfig.defaults().withRetry(Duration.ofMillis(100), Duration.ofSeconds(1)),
                () -> {});
        core.withLoginItem(
                new XdgAutostart(home.resolve("autostart"), Optional.of(List.of("/opt/ntfybar/bin/ntfybar"))));
        return new TestCore(server, core, home);
    }

    /** Adds a subscription to a topic of the test server, connects it and waits until its stream is open. */
    public Subscription subscribe(String topic) {
        Subscription s = core.subscriptions().add(Subscription.of(server.baseUrl(), topic));
        core.subscriptionsChanged();
        Await.until("stream for " + topic, () -> core.connections().stream()
                .anyMatch(r -> r.state() instanceof ConnectionState.Connected
                        && r.topics().contains(topic)));
        return s;
    }

    /** Publishes through the test server and waits until the app stored and dispatched it. */
    public String publishAndWait(String topic, String text) throws InterruptedException {
        String id = server.publish(topic, text);
        Await.until(
                "message '" + text + "' stored",
                () -> !core.messages().search(text, 1).isEmpty());
        core.flush();
        return id;
    }

    @Override
    public void close() {
        core.close();
        server.close();
    }
}
