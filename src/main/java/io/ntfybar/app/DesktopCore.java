package io.ntfybar.app;

import io.ntfybar.credentials.Keychain;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.net.ServerClients;
import io.ntfybar.notify.ConnectionAlert;
import io.ntfybar.notify.DesktopActions;
import io.ntfybar.notify.MessageActions;
import io.ntfybar.notify.NotificationEvents;
import io.ntfybar.notify.NotificationService;
import io.ntfybar.notify.Notifier;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.settings.SettingsException;
import io.ntfybar.settings.SettingsFile;
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
import io.ntfybar.subscribe.Logins;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.CoreListener;
import io.ntfybar.ui.LoginItem;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running app without its tray and windows: store, settings, keychain, connection engine and notification
 * service, wired as {@link AppCore} for the UI. Tests build it on a temporary folder with their own notifier.
 *
 * <p>Lifecycle: {@link #open} opens the store and starts the connections; {@link #close} stops everything in reverse
 * order. Threading: as {@link AppCore}; listeners are called on the store writer, the engine's threads and the
 * notification thread.
 */
public final class DesktopCore implements AppCore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopCore.class);

    private LoginItem loginItem = LoginItems.forThisProcess();
    private final AppPaths paths;
    private final SettingsFile settingsFile;
    private final Database db;
    private final SubscriptionStore subscriptions;
    private final H2MessageStore messages;
    private final Keychain keychain;
    private final OkHttpClient streaming;
    private final OkHttpClient requests;
    private final ServerClients servers;
    private final NotificationService notifications;
    private final ConnectionAlert connectionAlert;
    private final ConnectionEngine engine;
    private final List<CoreListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<ConnectionKey, ConnectionState.Report> connections = new ConcurrentHashMap<>();
    private final Runnable onQuit;
    private volatile Settings settings;
    private volatile Map<Long, Subscription> byId = Map.of();
    private final String settingsProblem;

    private DesktopCore(
            AppPaths paths,
            Supplier<Keychain> keychainLater,
            Supplier<Notifier> notifierLater,
            EngineConfig config,
            Runnable onQuit) {
        this.paths = paths;
        this.onQuit = onQuit;
        this.settingsFile = new SettingsFile(paths.config());
        String problem = null;
        Settings loaded;
        try {
            loaded = settingsFile.load();
        } catch (SettingsException e) {
            LOG.warn("{}", e.getMessage());
            problem = e.getMessage();
            loaded = Settings.defaults();
        }
        this.settingsProblem = problem;
        this.settings = loaded;
        this.db = Database.open(paths.data());
        this.subscriptions = new SubscriptionStore(db);
        this.messages = new H2MessageStore(db);
        // Both may take a D-Bus round trip or two: the app finds them on other threads while the store opens.
        this.keychain = keychainLater.get();
        Notifier notifier = notifierLater.get();
        this.streaming = HttpClients.streaming();
        this.requests = HttpClients.requests(streaming);
        this.servers = new ServerClients(requests, keychain);
        reloadSubscriptions();
        MessageActions actions = DesktopActions.standard(servers, paths.cache(), keychain, this::settings);
        this.notifications =
                NotificationService.create(notifier, actions, messages, id -> byId.get(id), this::settings);
        notifications.setEvents(new Events());
        this.connectionAlert = ConnectionAlert.start(
                notifications,
                () -> settings().connectionAlert(),
                change -> updateSettings(s -> s.withConnectionAlert(change.apply(s.connectionAlert()))));
        // A click shows a subscription of the unreachable server: the sidebar has its state and the last error.
        connectionAlert.onOpen(server -> byId.values().stream()
                .filter(sub -> ServerUrl.of(sub.baseUrl()).value().equals(server))
                .findFirst()
                .ifPresent(sub -> fire(l -> l.onOpenSubscription(sub))));
        this.engine = new ConnectionEngine(
                streaming, subscriptions, messages, keychain, config, this::dispatch, new EngineEvents());
    }

    /**
     * Opens the store under {@code paths.data()}, reads {@code settings.yml} (defaults, and a problem to show, when it
     * is broken) and starts every subscription's connection.
     *
     * @param onQuit what {@link #quit()} runs after everything is closed (the app exits the JVM; tests do nothing)
     */
    public static DesktopCore open(
            AppPaths paths, Keychain keychain, Notifier notifier, EngineConfig config, Runnable onQuit) {
        return open(paths, () -> keychain, () -> notifier, config, onQuit);
    }

    /**
     * As {@link #open(AppPaths, Keychain, Notifier, EngineConfig, Runnable)}, with the keychain and the notifier asked
     * for only once the store is open (the app looks for them in parallel).
     */
    public static DesktopCore open(
            AppPaths paths,
            Supplier<Keychain> keychain,
            Supplier<Notifier> notifier,
            EngineConfig config,
            Runnable onQuit) {
        DesktopCore core = new DesktopCore(paths, keychain, notifier, config, onQuit);
        core.engine.start(core.settings);
        return core;
    }

    /** Uses {@code item} for launch at login instead of this operating system's own (tests). */
    public synchronized DesktopCore withLoginItem(LoginItem item) {
        this.loginItem = item;
        return this;
    }

    private void dispatch(List<StoreUpdate> updates) {
        notifications.dispatch(updates);
        fire(l -> l.onStored(updates));
    }

    private void fire(Consumer<CoreListener> event) {
        for (CoreListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("A UI listener failed", e);
            }
        }
    }

    private void reloadSubscriptions() {
        Map<Long, Subscription> m = new HashMap<>();
        subscriptions.all().forEach(s -> m.put(s.id(), s));
        byId = Map.copyOf(m);
    }

    public NotificationService notifications() {
        return notifications;
    }

    /** Waits until what the engine received so far is stored and handed to the notifier: for tests. */
    public void flush() throws InterruptedException {
        engine.flush();
        notifications.flush();
    }

    @Override
    public AppPaths paths() {
        return paths;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public synchronized Settings updateSettings(UnaryOperator<Settings> change) {
        Settings next = change.apply(settings);
        settingsFile.save(next);
        settings = next;
        engine.reconcile(next);
        fire(l -> l.onSettingsChanged(next));
        return next;
    }

    @Override
    public Optional<String> settingsProblem() {
        return Optional.ofNullable(settingsProblem);
    }

    @Override
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    @Override
    public H2MessageStore messages() {
        return messages;
    }

    @Override
    public Keychain keychain() {
        return keychain;
    }

    @Override
    public OkHttpClient requestsFor(String baseUrl) {
        return servers.forServer(baseUrl, settings.server(baseUrl));
    }

    @Override
    public Optional<AuthorizationHeader> authFor(String baseUrl) {
        ServerSettings server = settings.server(baseUrl);
        return Logins.forServer(keychain, baseUrl, server);
    }

    @Override
    public MessageActions actions() {
        return notifications.actions();
    }

    @Override
    public void subscriptionsChanged() {
        reloadSubscriptions();
        engine.reconcile(settings);
        fire(CoreListener::onSubscriptionsChanged);
    }

    @Override
    public void loginChanged(String baseUrl) {
        engine.retryRefused();
        // Same user, new password: the connection's key does not change, so reconciling alone would keep the old one.
        engine.reconnectAll("the login of " + baseUrl + " changed");
    }

    @Override
    public void setRead(Collection<StoredMessage> ms, boolean read) {
        List<Long> ids = ms.stream().map(StoredMessage::rowId).toList();
        messages.setRead(ids, read);
        if (read) {
            notifications.withdrawMessages(ids);
        }
        readChanged(ids, read);
    }

    private void readChanged(List<Long> ids, boolean read) {
        fire(l -> l.onReadChanged(ids, read));
        fire(CoreListener::onMessagesChanged);
    }

    @Override
    public void delete(Collection<StoredMessage> ms) {
        List<Long> ids = ms.stream().map(StoredMessage::rowId).toList();
        messages.delete(ids);
        notifications.withdrawMessages(ids);
        fire(CoreListener::onMessagesChanged);
    }

    @Override
    public List<ConnectionState.Report> connections() {
        return List.copyOf(connections.values());
    }

    @Override
    public Map<Long, TopicProblem> problems() {
        return engine.problems();
    }

    @Override
    public void addListener(CoreListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(CoreListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized LoginItem loginItem() {
        return loginItem;
    }

    @Override
    public void quit() {
        Thread t = new Thread(
                () -> {
                    close();
                    onQuit.run();
                },
                "ntfybar-quit");
        t.start();
    }

    @Override
    public void close() {
        connectionAlert.close();
        try {
            engine.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the connections failed", e);
        }
        try {
            notifications.close();
            notifications.notifier().close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the notifier failed", e);
        }
        db.close();
    }

    private final class EngineEvents implements EngineListener {
        @Override
        public void onConnectionState(ConnectionState.Report report) {
            try {
                connectionAlert.onReport(report);
            } catch (RuntimeException e) {
                LOG.warn("The connection alert failed on a report", e);
            }
            if (report.state() instanceof ConnectionState.Closed) {
                connections.remove(report.key());
            } else {
                connections.put(report.key(), report);
            }
            fire(l -> l.onConnection(report));
        }

        @Override
        public void onTopicProblem(TopicProblem problem) {
            fire(l -> l.onTopicProblem(problem));
        }
    }

    private final class Events implements NotificationEvents {
        @Override
        public void onOpenMessage(StoredMessage message) {
            fire(l -> l.onOpenMessage(message));
        }

        @Override
        public void onOpenSubscription(Subscription subscription) {
            fire(l -> l.onOpenSubscription(subscription));
        }

        @Override
        public void onActionResult(StoredMessage message, int index, boolean success, String reason) {
            fire(l -> l.onActionResult(message, index, success, reason));
        }

        @Override
        public void onMarkedRead(long rowId) {
            readChanged(List.of(rowId), true);
        }

        @Override
        public void onNotice(String text) {
            fire(l -> l.onNotice(text));
        }
    }
}
