package io.ntfybar.cli;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.net.ServerClients;
import io.ntfybar.notify.DesktopActions;
import io.ntfybar.notify.NotificationService;
import io.ntfybar.notify.Notifier;
import io.ntfybar.notify.Notifiers;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.subscribe.ConnectionEngine;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.EngineConfig;
import io.ntfybar.subscribe.EngineListener;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.subscribe.ResumePoint;
import io.ntfybar.subscribe.StoreWriter;
import io.ntfybar.subscribe.TopicProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;

/**
 * {@code subscribe --store}: the same engine as the app, on the CLI's own store ({@code <data>/cli}, so that it can
 * run beside the app; docs/decisions/0006). Messages are printed by the dispatcher, so only newly stored ones, and
 * the outbox prints what a killed run stored but had not printed. Credentials given on the command line stay in
 * memory for this run. With {@code --notify} the same dispatches also go to the app's {@code NotificationService}, on
 * the notifier {@code Notifiers} chooses, without tray or JavaFX.
 */
final class StoredSubscription {
    private final AppPaths paths;
    private final Settings settings;
    private final List<SubscribeTarget> targets;
    private final boolean poll;
    private final boolean notify;
    private final Output output;
    private final EngineConfig config = EngineConfig.defaults();
    /** The login of each server: the engine connects once per server, so its topics must agree on one. */
    private final Map<ServerUrl, Login> logins = new LinkedHashMap<>();
    /** Each store subscription's targets: a message goes to every target whose filters it passes. */
    private final Map<Long, List<SubscribeTarget>> handlers = new HashMap<>();

    StoredSubscription(
            AppPaths paths,
            Settings settings,
            List<SubscribeTarget> targets,
            boolean poll,
            boolean notify,
            Output output) {
        this.paths = paths;
        this.settings = settings;
        this.targets = targets;
        this.poll = poll;
        this.notify = notify;
        this.output = output;
        for (SubscribeTarget t : targets) {
            Login known = logins.putIfAbsent(t.topic().server(), t.login());
            if (known != null && !known.equals(t.login())) {
                throw new IllegalArgumentException(
                        "with --store, the topics on " + t.topic().server()
                                + " must use one login, but they use " + known + " and " + t.login()
                                + "; subscribe without --store, or give them the same login");
            }
        }
    }

    int run() {
        try (Database db = Database.open(paths.data().resolve("cli"))) {
            SubscriptionStore subscriptions = new SubscriptionStore(db);
            H2MessageStore messages = new H2MessageStore(db);
            Map<ServerUrl, List<Subscription>> subs = new LinkedHashMap<>();
            for (SubscribeTarget t : targets) {
                ServerUrl server = t.topic().server();
                Subscription s = subscriptions
                        .find(server.value(), t.topic().topic())
                        .orElseGet(() -> subscriptions.add(
                                Subscription.of(server.value(), t.topic().topic())));
                List<SubscribeTarget> own = handlers.computeIfAbsent(s.id(), k -> new ArrayList<>());
                if (!own.contains(t)) {
                    own.add(t);
                }
                List<Subscription> list = subs.computeIfAbsent(server, k -> new ArrayList<>());
                if (list.stream().noneMatch(x -> x.id() == s.id())) {
                    list.add(s);
                }
            }
            Set<Long> mine = handlers.keySet();
            StoreWriter.Dispatcher printer = updates -> {
                for (StoreUpdate u : updates) {
                    if (u instanceof StoreUpdate.Added a && a.dispatch()) {
                        Message m = a.stored().message();
                        for (SubscribeTarget t : handlers.getOrDefault(a.subscriptionId(), List.of())) {
                            if (t.query().matches(m)) {
                                output.message(m, t.command());
                            }
                        }
                    }
                }
            };
            OkHttpClient client = HttpClients.streaming();
            if (poll) {
                return pollOnce(client, subscriptions, messages, subs, printer);
            }
            return stream(client, subscriptions, messages, subs, mine, printer);
        }
    }

    /**
     * What to ask the server for a subscription: its target's query, or when its targets filter differently, their
     * common since, poll and scheduled without filters (the targets then filter what arrives).
     */
    private SubscribeQuery serverQuery(Subscription s) {
        List<SubscribeTarget> ts = handlers.get(s.id());
        SubscribeQuery first = ts.get(0).query();
        if (ts.stream().allMatch(t -> t.query().equals(first))) {
            return first;
        }
        return SubscribeQuery.live()
                .withSince(first.since())
                .withPoll(first.poll())
                .withScheduled(first.scheduled());
    }

    private String since() {
        return targets.get(0).query().since();
    }

    /**
     * With {@code --notify}: the app's notification path (dispatch policy, renderer, the platform's notifier, the
     * actions) on this run's own subscriptions and messages, the query's filters applied as to printing.
     */
    private NotificationService notifications(
            OkHttpClient client, H2MessageStore messages, Map<ServerUrl, List<Subscription>> subs, Keychain keychain) {
        Map<Long, Subscription> byId = new HashMap<>();
        subs.values().forEach(list -> list.forEach(s -> byId.put(s.id(), s)));
        Notifier notifier = Notifiers.choose(System.err);
        output.error("notifications through " + notifier.name());
        return NotificationService.create(
                notifier,
                DesktopActions.standard(HttpClients.requests(client), paths.cache(), keychain, () -> settings),
                messages,
                byId::get,
                () -> settings);
    }

    /** The updates the targets let through: messages one of them matches, and every clear and delete. */
    private List<StoreUpdate> matching(List<StoreUpdate> updates) {
        List<StoreUpdate> out = new ArrayList<>();
        for (StoreUpdate u : updates) {
            List<SubscribeTarget> ts = handlers.get(u.subscriptionId());
            if (ts == null) {
                continue;
            }
            if (!(u instanceof StoreUpdate.Added a)
                    || ts.stream().anyMatch(t -> t.query().matches(a.stored().message()))) {
                out.add(u);
            }
        }
        return out;
    }

    private int pollOnce(
            OkHttpClient client,
            SubscriptionStore subscriptions,
            H2MessageStore messages,
            Map<ServerUrl, List<Subscription>> subs,
            StoreWriter.Dispatcher printer) {
        try (StoreWriter writer = new StoreWriter(messages, printer, config.writerBatch(), () -> {})) {
            writer.start();
            for (Map.Entry<ServerUrl, List<Subscription>> e : subs.entrySet()) {
                Poller poller = poller(client, e.getKey());
                for (Subscription s : e.getValue()) {
                    String since =
                            since() != null ? since() : ResumePoint.since(messages, List.of(s), config.resumeMargin());
                    List<Message> events = poller.poll(
                            ConnectionKey.anonymous(e.getKey()),
                            logins.get(e.getKey()).header(),
                            List.of(s.topic()),
                            serverQuery(s).withSince(since));
                    writer.submit(s.id(), events, true, null);
                    subscriptions.markInitialFetchDone(s.id());
                }
            }
            writer.flush();
            return 0;
        } catch (Poller.PollException e) {
            output.error(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int stream(
            OkHttpClient client,
            SubscriptionStore subscriptions,
            H2MessageStore messages,
            Map<ServerUrl, List<Subscription>> subs,
            Set<Long> mine,
            StoreWriter.Dispatcher printer) {
        // Logins typed for this run stay in memory; what the app stored (a client certificate's password) is read from
        // the OS keychain, opened only if asked.
        Keychain keychain = Keychains.overlay(
                Keychains.sessionOnly("credentials given on the command line are kept for this run only"),
                Keychains.lazy(Keychains::detect));
        Settings effective = settings;
        for (ServerUrl server : subs.keySet()) {
            ServerSettings s = settings.server(server.value());
            Login login = logins.get(server);
            if (login.token() != null) {
                keychain.save(CredentialsRef.token(server.value()), login.token());
                s = s.withLogin(null, true);
            } else if (login.user() != null) {
                keychain.save(new CredentialsRef(server.value(), login.user()), login.password());
                s = s.withLogin(login.user(), false);
            }
            effective = effective.withServer(server.value(), s);
        }
        NotificationService notifications = notify ? notifications(client, messages, subs, keychain) : null;
        StoreWriter.Dispatcher dispatcher = notifications == null
                ? printer
                : updates -> {
                    printer.dispatch(updates);
                    notifications.dispatch(matching(updates));
                };
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Set<Long> refused = new HashSet<>();
        EngineListener listener = new EngineListener() {
            @Override
            public void onConnectionState(ConnectionState.Report report) {
                if (report.state() instanceof ConnectionState.BackingOff b) {
                    output.error(report.key() + ": " + b.reason() + " Retrying at " + b.retryAt() + ".");
                }
            }

            @Override
            public void onTopicProblem(TopicProblem problem) {
                output.error(problem.sentence());
                synchronized (refused) {
                    refused.add(problem.subscriptionId());
                    if (refused.containsAll(mine)) {
                        exit.complete(1);
                    }
                }
            }
        };
        // A topic first seen with --since prints what the server caches from then on; without, only new messages.
        if (since() != null) {
            prefetch(client, subscriptions, messages, subs);
        }
        try (notifications;
                ConnectionEngine engine =
                        new ConnectionEngine(client, subscriptions, messages, keychain, config, dispatcher, listener)) {
            engine.restrictTo(s -> mine.contains(s.id()));
            engine.start(effective).get();
            return DirectSubscription.awaitExit(exit);
        } catch (ExecutionException e) {
            output.error("could not start: " + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Polls with the server's own trust (CA file, client certificate, headers), as the engine's streams do.
     *
     * @throws IllegalStateException with the sentence when those settings cannot be used
     */
    private Poller poller(OkHttpClient client, ServerUrl server) {
        ServerClients trust = new ServerClients(client, Keychains.lazy(Keychains::detect));
        return new Poller(HttpClients.requests(trust.forServer(server.value(), settings.server(server.value()))));
    }

    private void prefetch(
            OkHttpClient client,
            SubscriptionStore subscriptions,
            H2MessageStore messages,
            Map<ServerUrl, List<Subscription>> subs) {
        for (Map.Entry<ServerUrl, List<Subscription>> e : subs.entrySet()) {
            Poller poller = poller(client, e.getKey());
            for (Subscription s : e.getValue()) {
                if (s.initialFetchDone()) {
                    continue;
                }
                try {
                    List<Message> events = poller.poll(
                            ConnectionKey.anonymous(e.getKey()),
                            logins.get(e.getKey()).header(),
                            List.of(s.topic()),
                            serverQuery(s).withPoll(true));
                    // Into the outbox: the engine's writer prints them when it starts.
                    messages.store(s.id(), events, true);
                    subscriptions.markInitialFetchDone(s.id());
                } catch (Poller.PollException ex) {
                    output.error(ex.getMessage());
                }
            }
        }
    }
}
