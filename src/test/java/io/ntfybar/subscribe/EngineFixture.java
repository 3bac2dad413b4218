package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.fail;

import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.testserver.NtfyTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A real engine on a real H2 file against the loopback test server, recording every dispatch, state report and
 * problem (the recorder pattern: tests assert on everything that happened, extras included).
 */
final class EngineFixture implements AutoCloseable {
    /** Short times so that tests run quickly: retries from 50 ms, watchdog ticks every 100 ms. */
    static final EngineConfig FAST = EngineConfig.defaults()
            .withRetry(Duration.ofMillis(50), Duration.ofMillis(500))
            .withTick(Duration.ofMillis(100));

    final NtfyTestServer server;
    final Database db;
    final SubscriptionStore subscriptions;
    final H2MessageStore messages;
    final Keychain keychain = Keychains.sessionOnly("tests");
    final List<StoreUpdate.Added> dispatched = new CopyOnWriteArrayList<>();
    final List<StoreUpdate> updates = new CopyOnWriteArrayList<>();
    final List<ConnectionState.Report> reports = new CopyOnWriteArrayList<>();
    final List<TopicProblem> problems = new CopyOnWriteArrayList<>();
    final AtomicLong wallClockOffset = new AtomicLong();
    private final EngineConfig config;
    Settings settings = Settings.defaults();
    ConnectionEngine engine;

    EngineFixture(NtfyTestServer server, Path folder, EngineConfig config) {
        this.server = server;
        this.db = Database.open(folder);
        this.subscriptions = new SubscriptionStore(db);
        this.messages = new H2MessageStore(db);
        this.config = config;
    }

    Subscription subscribe(String topic) {
        return subscriptions.add(Subscription.of(server.baseUrl(), topic));
    }

    /** A subscription whose history was fetched before: the engine opens its stream without a poll first. */
    Subscription subscribeFetched(String topic) {
        Subscription s = subscribe(topic).withInitialFetchDone(true);
        subscriptions.markInitialFetchDone(s.id());
        return s;
    }

    void start() throws Exception {
        engine = new ConnectionEngine(
                okhttp3Client(),
                subscriptions,
                messages,
                keychain,
                config,
                batch -> {
                    updates.addAll(batch);
                    for (StoreUpdate u : batch) {
                        if (u instanceof StoreUpdate.Added a && a.dispatch()) {
                            dispatched.add(a);
                        }
                    }
                },
                new EngineListener() {
                    @Override
                    public void onConnectionState(ConnectionState.Report report) {
                        reports.add(report);
                    }

                    @Override
                    public void onTopicProblem(TopicProblem problem) {
                        problems.add(problem);
                    }
                },
                () -> System.currentTimeMillis() + wallClockOffset.get());
        engine.start(settings).get(30, TimeUnit.SECONDS);
    }

    void stopEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    private static okhttp3.OkHttpClient okhttp3Client() {
        return HttpClients.streaming();
    }

    /** The text of every dispatched message, in dispatch order. */
    List<String> dispatchedTexts() {
        List<String> texts = new ArrayList<>();
        dispatched.forEach(a -> texts.add(a.stored().message().message()));
        return texts;
    }

    long subscribeRequests() {
        return server.requestLines().stream().filter(l -> l.contains("/sse")).count();
    }

    boolean connected() {
        if (reports.isEmpty()) {
            return false;
        }
        return reports.get(reports.size() - 1).state() instanceof ConnectionState.Connected;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    void awaitDispatched(int n) throws InterruptedException {
        await(
                n + " dispatched messages (have " + dispatched.size() + ")",
                Duration.ofSeconds(30),
                () -> dispatched.size() >= n);
    }

    /** Waits until the engine opened a new stream after {@code requestsBefore} subscribe requests, and is connected. */
    void awaitReconnect(long requestsBefore) throws InterruptedException {
        await("a reconnect", Duration.ofSeconds(10), () -> subscribeRequests() > requestsBefore && connected());
    }

    void awaitConnected() throws InterruptedException {
        await("a connected stream", Duration.ofSeconds(30), this::connected);
    }

    /** Number of visible rows stored for a subscription (every revision counted once). */
    int storedCount(Subscription sub) {
        return messages.page(sub.id(), null, Integer.MAX_VALUE).size();
    }

    private boolean closed;

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopEngine();
        db.close();
    }
}
