package io.ntfybar.subscribe;

import io.ntfybar.credentials.Keychain;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one stream open per server and credentials for every subscription in the store, and feeds what arrives
 * through the {@link StoreWriter} (store first, then dispatch). The desired state is the store's subscriptions plus
 * the settings; {@link #reconcile} compares it with the open connections and restarts only what changed.
 *
 * <p>Resuming: a stream starts at the stored resume time of its topics minus {@link EngineConfig#resumeMargin()},
 * and the store drops what it already has; a new subscription first polls the server's whole cache into history
 * without notifications. The resume time follows the stored messages but never passes the server's clock (the
 * {@code time} of its latest open or keepalive event), see {@link ResumePoint}.
 *
 * <p>Threading: public methods are thread-safe and do not block on the network; reconciling, polls and access checks
 * run on one engine I/O thread, timers on one scheduler thread, streams on OkHttp's threads.
 */
public final class ConnectionEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionEngine.class);

    private final ConnectionClients clients;

    private final Poller poller;
    private final SubscriptionStore subscriptions;
    private final H2MessageStore messages;
    private final Logins logins;
    private final RefusalProbe probe;
    private final EngineConfig config;
    private final EngineListener listener;
    private final StoreWriter writer;
    private final HistoryFetch history;
    private final LongSupplier wallClockMillis;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService io;
    /** Retention runs 30 s after the start, when the first connections are up, and then at this interval. */
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);

    private final Map<ConnectionKey, List<StreamGroup>> connections = new LinkedHashMap<>();
    /** What the streams hand back to the engine. */
    private final StreamGroup.Engine streams = new StreamGroup.Engine() {
        @Override
        public String since(List<Subscription> subs) {
            return sinceFor(subs);
        }

        @Override
        public void store(Subscription sub, Message event, long serverClock) {
            writer.submit(sub.id(), event, true, serverClock);
        }

        @Override
        public void pollRequested(StreamGroup group, Subscription sub) {
            io.execute(() -> history.pollAsked(group.stream.key(), group.auth, sub, sinceFor(List.of(sub))));
        }

        @Override
        public void rejected(StreamGroup group, io.ntfybar.protocol.NtfyError error) {
            if (!closed) {
                io.execute(() -> findRefused(group, error));
            }
        }

        @Override
        public void state(ConnectionState.Report report) {
            listener.onConnectionState(report);
        }
    };

    private final Map<Long, TopicProblem> problems = new ConcurrentHashMap<>();
    private volatile Settings settings = Settings.defaults();
    private volatile java.util.function.Predicate<Subscription> wanted = s -> true;
    private SleepDetector sleep;
    private volatile boolean closed;

    public ConnectionEngine(
            OkHttpClient streamClient,
            SubscriptionStore subscriptions,
            H2MessageStore messages,
            Keychain keychain,
            EngineConfig config,
            StoreWriter.Dispatcher dispatcher,
            EngineListener listener) {
        this(streamClient, subscriptions, messages, keychain, config, dispatcher, listener, System::currentTimeMillis);
    }

    /** @param wallClockMillis the wall clock; tests move it to simulate sleep */
    public ConnectionEngine(
            OkHttpClient streamClient,
            SubscriptionStore subscriptions,
            H2MessageStore messages,
            Keychain keychain,
            EngineConfig config,
            StoreWriter.Dispatcher dispatcher,
            EngineListener listener,
            LongSupplier wallClockMillis) {
        this.clients = new ConnectionClients(streamClient, keychain, () -> settings);
        this.poller = new Poller(key -> HttpClients.requests(clients.clientFor(key)));
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.logins = new Logins(keychain);
        this.probe = new RefusalProbe(poller);
        this.config = config;
        this.listener = listener;
        this.wallClockMillis = wallClockMillis;
        java.util.concurrent.ScheduledThreadPoolExecutor timer =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, daemon("ntfybar-engine-timer"));
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = timer;
        this.io = Executors.newSingleThreadExecutor(daemon("ntfybar-engine-io"));
        StoreWriter w = new StoreWriter(messages, dispatcher, config.writerBatch(), this::reconnectAfterStoreFailure);
        this.writer = w;
        this.history = new HistoryFetch(poller, w, subscriptions, config);
    }

    /** Events the store refused are fetched again by reconnecting a little later (not when the engine is closing). */
    private void reconnectAfterStoreFailure() {
        try {
            scheduler.schedule(() -> reconnectAll("some events could not be stored"), 5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // nothing to reconnect
        }
    }

    /** Only these of the store's subscriptions are connected (the CLI connects the topics it was given). */
    public void restrictTo(java.util.function.Predicate<Subscription> filter) {
        wanted = Objects.requireNonNull(filter, "filter");
    }

    /** Dispatches the outbox left by an earlier run, then connects everything the store holds. */
    public Future<?> start(Settings initial) {
        writer.start();
        sleep = new SleepDetector(config.clockJump(), wallClockMillis.getAsLong(), System.nanoTime());
        long tick = config.tick().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::retention, 30, RETENTION_EVERY.toSeconds(), TimeUnit.SECONDS);
        return reconcile(initial);
    }

    /**
     * Brings the connections in line with the store's subscriptions and these settings: new servers connect, removed
     * ones close, a server whose topics, credentials or options changed reconnects; the others are left alone.
     */
    public Future<?> reconcile(Settings newSettings) {
        settings = Objects.requireNonNull(newSettings, "settings");
        return io.submit(this::reconcileNow);
    }

    /** Applies retention now, in the background; the future holds how many messages were removed. */
    public Future<Integer> applyRetentionNow() {
        return scheduler.submit(this::retention);
    }

    private int retention() {
        return RetentionTask.runOnce(
                subscriptions,
                messages,
                settings.retention(),
                config.resumeMargin(),
                wallClockMillis.getAsLong() / 1000);
    }

    /** Forgets every "needs login", "forbidden" and "invalid" verdict and tries those subscriptions again. */
    public Future<?> retryRefused() {
        problems.clear();
        return reconcile(settings);
    }

    /** Drops every stream and reconnects at once (the machine woke up, the network changed). */
    public void reconnectAll(String why) {
        for (StreamGroup g : groups()) {
            g.stream.reconnectNow(why);
        }
    }

    /** Waits until everything received so far is stored and dispatched. For tests and an orderly shutdown. */
    public void flush() throws InterruptedException {
        writer.flush();
    }

    /** The subscriptions the engine gave up on, with the reason. */
    public Map<Long, TopicProblem> problems() {
        return Map.copyOf(problems);
    }

    @Override
    public void close() {
        closed = true;
        // No interrupts: a thread interrupted inside H2 file I/O fails the store. Polls end by their timeouts.
        io.shutdown();
        // Streams first, the timer after: a stream that fails while open schedules its retry on the timer.
        for (StreamGroup g : groups()) {
            g.stream.close();
        }
        synchronized (this) {
            connections.clear();
        }
        scheduler.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }

    private synchronized List<StreamGroup> groups() {
        List<StreamGroup> all = new ArrayList<>();
        connections.values().forEach(all::addAll);
        return all;
    }

    private void reconcileNow() {
        if (closed) {
            return;
        }
        // A settings problem is judged again with each new settings; the server's verdicts stay until retryRefused.
        problems.values().removeIf(p -> p.kind() == TopicProblem.Kind.SETTINGS);
        Map<ConnectionKey, List<Subscription>> desired = new LinkedHashMap<>();
        Map<ConnectionKey, AuthorizationHeader> auth = new HashMap<>();
        Map<ConnectionKey, Duration> keepalive = new HashMap<>();
        ConnectionClients.Round round = clients.round();
        for (Subscription sub : subscriptions.all()) {
            if (problems.containsKey(sub.id()) || !wanted.test(sub)) {
                continue;
            }
            ServerSettings server = settings.server(sub.baseUrl());
            ConnectionKey key = new ConnectionKey(
                    ServerUrl.of(sub.baseUrl()),
                    Logins.credentialsOf(sub.baseUrl(), server),
                    server.headers(),
                    server.authInQuery(),
                    server.caCertificate(),
                    server.clientCertificate());
            String unusable = round.problem(key, sub.baseUrl(), server);
            if (unusable != null) {
                problem(sub, TopicProblem.Kind.SETTINGS, unusable);
                continue;
            }
            if (!auth.containsKey(key) && key.credentials() != null) {
                Logins.Result login = logins.authorization(key);
                if (login.header() == null) {
                    problem(sub, TopicProblem.Kind.NEEDS_LOGIN, login.problem());
                    continue;
                }
                auth.put(key, login.header());
            }
            desired.computeIfAbsent(key, k -> new ArrayList<>()).add(sub);
            if (server.keepaliveSeconds() != null) {
                keepalive.put(key, Duration.ofSeconds(server.keepaliveSeconds()));
            }
        }
        List<StreamGroup> toClose = new ArrayList<>();
        synchronized (this) {
            for (ConnectionKey key : new ArrayList<>(connections.keySet())) {
                if (!desired.containsKey(key)) {
                    toClose.addAll(connections.remove(key));
                }
            }
        }
        toClose.forEach(g -> g.stream.close());
        round.commit();
        desired.forEach((key, subs) -> connect(key, round.client(key), subs, auth.get(key), keepalive.get(key)));
    }

    private void connect(
            ConnectionKey key,
            OkHttpClient client,
            List<Subscription> subs,
            AuthorizationHeader auth,
            Duration keepalive) {
        subs.sort(Comparator.comparing(Subscription::topic));
        List<String> topics = subs.stream().map(Subscription::topic).toList();
        List<List<String>> split = TopicSplitter.split(topics, key.server(), config.maxRequestLine());
        List<StreamGroup> old;
        synchronized (this) {
            old = connections.getOrDefault(key, List.of());
            if (sameGroups(old, split, keepalive, client)) {
                old.forEach(g -> g.update(subs));
                return;
            }
            connections.remove(key);
        }
        old.forEach(g -> g.stream.close());
        List<Subscription> updated = history.fetch(key, auth, subs);
        Map<String, Subscription> byTopic = new HashMap<>();
        updated.forEach(s -> byTopic.put(s.topic(), s));
        List<StreamGroup> groups = new ArrayList<>();
        for (List<String> part : split) {
            groups.add(new StreamGroup(client, scheduler, config, key, part, byTopic, auth, keepalive, streams));
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            connections.put(key, groups);
        }
        groups.forEach(g -> g.stream.start());
    }

    private static boolean sameGroups(
            List<StreamGroup> old, List<List<String>> split, Duration keepalive, OkHttpClient client) {
        if (old.size() != split.size()) {
            return false;
        }
        for (int i = 0; i < old.size(); i++) {
            if (!old.get(i).stream.topics().equals(split.get(i))
                    || !Objects.equals(old.get(i).keepalive, keepalive)
                    || old.get(i).stream.client() != client) {
                return false;
            }
        }
        return true;
    }

    private void problem(Subscription sub, TopicProblem.Kind kind, String sentence) {
        TopicProblem p = new TopicProblem(sub.id(), kind, sentence);
        problems.put(sub.id(), p);
        log.warn("{}/{}: {}", sub.baseUrl(), sub.topic(), sentence);
        listener.onTopicProblem(p);
    }

    /** After a refusal: find which topics the server refuses, set them aside, and reconnect the rest at once. */
    private void findRefused(StreamGroup group, io.ntfybar.protocol.NtfyError error) {
        Map<String, RefusalProbe.Verdict> refused =
                probe.refused(group.stream.key(), group.auth, group.stream.topics(), error);
        int found = 0;
        for (Map.Entry<String, RefusalProbe.Verdict> e : refused.entrySet()) {
            Subscription sub = group.subscription(e.getKey());
            if (sub != null) {
                found++;
                problem(sub, e.getValue().kind(), e.getValue().sentence());
            }
        }
        if (found == 0) {
            log.warn(
                    "{}: refused ({}) but no single topic is; the stream stays stopped",
                    group.stream.key(),
                    error.status());
            return;
        }
        synchronized (this) {
            List<StreamGroup> current = connections.get(group.stream.key());
            if (current != null && current.contains(group)) {
                connections.remove(group.stream.key());
                current.forEach(g -> g.stream.close());
            }
        }
        reconcileNow();
    }

    private void tick() {
        long mono = System.nanoTime();
        if (sleep.jumped(wallClockMillis.getAsLong(), mono)) {
            log.info("The wall clock jumped (the computer slept?); reconnecting every stream");
            reconnectAll("the computer woke up");
            return;
        }
        for (StreamGroup g : groups()) {
            g.stream.checkAlive(mono);
        }
    }

    private String sinceFor(List<Subscription> subs) {
        return ResumePoint.since(messages, subs, config.resumeMargin());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
