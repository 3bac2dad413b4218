package io.ntfybar.cli;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.notify.DesktopActions;
import io.ntfybar.notify.NotificationService;
import io.ntfybar.notify.Notifier;
import io.ntfybar.notify.Notifiers;
import io.ntfybar.protocol.AuthorizationHeader;
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
    private final Map<ServerUrl, List<String>> byServer;
    private final String user;
    private final String token;
    private final AuthorizationHeader auth;
    private final SubscribeQuery query;
    private final boolean poll;
    private final boolean notify;
    private final Output output;
    private final EngineConfig config = EngineConfig.defaults();

    StoredSubscription(
            AppPaths paths,
            Settings settings,
            Map<ServerUrl, List<String>> byServer,
            String user,
            String token,
            AuthorizationHeader auth,
            SubscribeQuery query,
            boolean poll,
            boolean notify,
            Output output) {
        this.paths = paths;
        this.settings = settings;
        this.byServer = byServer;
        this.user = user;
        this.token = token;
        this.auth = auth;
        this.query = query;
        this.poll = poll;
        this.notify = notify;
        this.output = output;
    }

    int run() {
        try (Database db = Database.open(paths.data().resolve("cli"))) {
            SubscriptionStore subscriptions = new SubscriptionStore(db);
            H2MessageStore messages = new H2MessageStore(db);
            Set<Long> mine = new HashSet<>();
            Map<ServerUrl, List<Subscription>> subs = new HashMap<>();
            for (Map.Entry<ServerUrl, List<String>> e : byServer.entrySet()) {
                for (String topic : e.getValue()) {
                    Subscription s = subscriptions
                            .find(e.getKey().value(), topic)
                            .orElseGet(() ->
                                    subscriptions.add(Subscription.of(e.getKey().value(), topic)));
                    mine.add(s.id());
                    subs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(s);
                }
            }
            StoreWriter.Dispatcher printer = updates -> {
                for (StoreUpdate u : updates) {
                    if (u instanceof StoreUpdate.Added a
                            && a.dispatch()
                            && mine.contains(a.subscriptionId())
                            && query.matches(a.stored().message())) {
                        output.message(a.stored().message());
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

    /** The updates a query lets through: matching messages, and every clear and delete. */
    private List<StoreUpdate> matching(List<StoreUpdate> updates, Set<Long> mine) {
        List<StoreUpdate> out = new ArrayList<>();
        for (StoreUpdate u : updates) {
            if (!mine.contains(u.subscriptionId())) {
                continue;
            }
            if (!(u instanceof StoreUpdate.Added a) || query.matches(a.stored().message())) {
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
        Poller poller = new Poller(HttpClients.requests(client));
        try (StoreWriter writer = new StoreWriter(messages, printer, config.writerBatch(), () -> {})) {
            writer.start();
            for (Map.Entry<ServerUrl, List<Subscription>> e : subs.entrySet()) {
                for (Subscription s : e.getValue()) {
                    String since = query.since() != null
                            ? query.since()
                            : ResumePoint.since(messages, List.of(s), config.resumeMargin());
                    List<Message> events = poller.poll(
                            ConnectionKey.anonymous(e.getKey()), auth, List.of(s.topic()), query.withSince(since));
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
        Keychain keychain = Keychains.sessionOnly("credentials given on the command line are kept for this run only");
        Settings effective = settings;
        for (ServerUrl server : subs.keySet()) {
            ServerSettings s = settings.server(server.value());
            if (token != null) {
                keychain.save(CredentialsRef.token(server.value()), token);
                s = s.withLogin(null, true);
            } else if (user != null) {
                String name = user.substring(0, user.indexOf(':'));
                keychain.save(new CredentialsRef(server.value(), name), user.substring(user.indexOf(':') + 1));
                s = s.withLogin(name, false);
            }
            effective = effective.withServer(server.value(), s);
        }
        NotificationService notifications = notify ? notifications(client, messages, subs, keychain) : null;
        StoreWriter.Dispatcher dispatcher = notifications == null
                ? printer
                : updates -> {
                    printer.dispatch(updates);
                    notifications.dispatch(matching(updates, mine));
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
        if (query.since() != null) {
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

    private void prefetch(
            OkHttpClient client,
            SubscriptionStore subscriptions,
            H2MessageStore messages,
            Map<ServerUrl, List<Subscription>> subs) {
        Poller poller = new Poller(HttpClients.requests(client));
        for (Map.Entry<ServerUrl, List<Subscription>> e : subs.entrySet()) {
            for (Subscription s : e.getValue()) {
                if (s.initialFetchDone()) {
                    continue;
                }
                try {
                    List<Message> events = poller.poll(
                            ConnectionKey.anonymous(e.getKey()), auth, List.of(s.topic()), query.withPoll(true));
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
