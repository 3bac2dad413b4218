package io.ntfybar.subscribe;

import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
    private NtfyTestServer yardstick;
    private static final String YARDSTICK_TOPIC = "retry-yardstick";

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
        engine.start(settings).get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
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

    void awaitDispatched(int n) {
        Await.value(n + " dispatched messages", this::dispatchedTexts, texts -> texts.size() >= n);
    }

    /** Waits until the engine opened a new stream after {@code requestsBefore} subscribe requests, and is connected. */
    void awaitReconnect(long requestsBefore) {
        Await.value(
                "a reconnect after " + requestsBefore + " subscribe requests",
                () -> subscribeRequests() + " subscribe requests, last state " + lastState(),
                seen -> subscribeRequests() > requestsBefore && connected());
    }

    void awaitConnected() {
        Await.value("a connected stream", this::lastState, seen -> connected());
    }

    /** The last state reported by any stream, or "none". */
    String lastState() {
        return reports.isEmpty() ? "none" : reports.get(reports.size() - 1).toString();
    }

    /**
     * Adds a second server that answers every request with a 500, and a subscription on it, so that the engine keeps
     * retrying that stream on its ordinary back-off (call before {@link #start}). A check that something did not
     * happen waits for this stream to be retried a few times instead of for a length of time: a stream that was going
     * to retry on the same back-off has had its turn by then.
     */
    void addRetryYardstick() {
        yardstick = NtfyTestServer.start();
        yardstick.failNext(Integer.MAX_VALUE, 500, null);
        Subscription s = subscriptions.add(Subscription.of(yardstick.baseUrl(), YARDSTICK_TOPIC));
        subscriptions.markInitialFetchDone(s.id());
    }

    /** Waits until the yardstick stream has been tried {@code n} more times from now. */
    void awaitYardstickRetries(int n) {
        int from = yardstick.requestLines().size();
        Await.value(
                n + " more tries of the yardstick stream after " + from,
                () -> yardstick.requestLines().size(),
                tries -> tries >= from + n);
    }

    /** The states reported for streams carrying {@code topic}. */
    List<ConnectionState> statesOf(String topic) {
        return reports.stream()
                .filter(r -> r.topics().contains(topic))
                .map(ConnectionState.Report::state)
                .toList();
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
        if (yardstick != null) {
            yardstick.close();
        }
    }
}
