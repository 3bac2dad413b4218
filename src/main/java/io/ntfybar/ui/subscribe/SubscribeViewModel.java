package io.ntfybar.ui.subscribe;

import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.TopicName;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.settings.Settings;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Subscribe window's state and logic: server, topic (a pasted topic URL splits into both), login, display name and
 * minimum priority; the {@code /auth} check before anything is saved; the test message. Methods and properties are
 * for the FX thread; the work runs on {@link UiThreads#io()} and the results come back on {@link UiThreads#fx()}.
 */
public final class SubscribeViewModel {
    private static final UiText TEXT = UiText.of(SubscribeViewModel.class);

    private final AppCore core;
    private final UiThreads threads;
    private final LoginCheck loginCheck;
    private final TestMessage testMessage;

    private final StringProperty server = new SimpleStringProperty("");
    private final ObservableList<String> knownServers = FXCollections.observableArrayList();
    private final StringProperty topic = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final IntegerProperty minPriority = new SimpleIntegerProperty(0);
    private final LoginForm login = new LoginForm();
    private final StringProperty serverError = new SimpleStringProperty("");
    private final StringProperty topicError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final LongProperty existingId = new SimpleLongProperty(0);
    private final StringProperty confirmation = new SimpleStringProperty(null);
    private final LongProperty subscribedId = new SimpleLongProperty(0);
    private final BooleanBinding canSubmit;
    private int serverLookups;

    public SubscribeViewModel(AppCore core, UiThreads threads) {
        this.core = core;
        this.threads = threads;
        this.loginCheck = new LoginCheck(core);
        this.testMessage = new TestMessage(core, loginCheck);
        topic.addListener((o, was, now) -> topicTyped(now));
        server.addListener((o, was, now) -> serverTyped(now));
        canSubmit = Bindings.createBooleanBinding(
                () -> !busy.get()
                        && serverError.get().isEmpty()
                        && !server.get().isBlank()
                        && TopicName.isValid(topic.get())
                        && login.completeProperty().get(),
                busy,
                serverError,
                server,
                topic,
                login.completeProperty());
    }

    /** Fresh form: the default server, the servers of existing subscriptions, nothing else entered. */
    public void open() {
        topic.set("");
        displayName.set("");
        minPriority.set(0);
        login.kindProperty().set(Login.Kind.NONE);
        login.usernameProperty().set("");
        login.clearSecrets();
        clearMessages();
        subscribedId.set(0);
        threads.io().execute(() -> {
            Settings s = core.settings();
            TreeSet<String> servers = new TreeSet<>(s.servers().keySet());
            core.subscriptions().all().forEach(sub -> servers.add(sub.baseUrl()));
            servers.add(s.defaultServer());
            String keychain = core.keychain().description();
            threads.fx().execute(() -> {
                login.keychainProperty().set(keychain);
                knownServers.setAll(servers);
                server.set(s.defaultServer());
                serverTyped(server.get());
            });
        });
    }

    /** Fills in a random topic that nobody can guess, as ntfy's Android app offers. */
    public void generateTopic() {
        topic.set(TopicInput.random());
    }

    /** Checks the login with the server, then saves; asks first (via {@link #confirmationProperty}) when it replaces the server's login. */
    public void subscribe() {
        submit(false);
    }

    /** The user agreed that the new login replaces the server's login for all its topics. */
    public void confirmReplace() {
        confirmation.set(null);
        submit(true);
    }

    public void cancelReplace() {
        confirmation.set(null);
    }

    /** Publishes a test message to the topic with the entered login and says what happened. */
    public void sendTest() {
        Optional<ServerUrl> url = serverUrl();
        if (url.isEmpty()
                || !TopicName.isValid(topic.get())
                || !login.completeProperty().get()) {
            return;
        }
        String t = topic.get();
        Login l = login.login();
        clearMessages();
        busy.set(true);
        threads.io().execute(() -> {
            TestMessage.Result r = testMessage.send(url.get(), t, l);
            threads.fx().execute(() -> {
                busy.set(false);
                (r.ok() ? info : error).set(r.sentence());
            });
        });
    }

    private void submit(boolean confirmed) {
        if (!canSubmit.get()) {
            return;
        }
        ServerUrl url = serverUrl().orElseThrow();
        String t = topic.get();
        Login l = login.login();
        String name = displayName.get().strip();
        int priority = minPriority.get();
        clearMessages();
        busy.set(true);
        threads.io().execute(() -> {
            Optional<Subscription> existing = core.subscriptions().find(url.value(), t);
            if (existing.isPresent()) {
                finish(() -> {
                    error.set(TEXT.get("subscribe.exists", t, url.shortForm()));
                    existingId.set(existing.get().id());
                });
                return;
            }
            Optional<String> warning = loginCheck.replaceWarning(url, l);
            if (warning.isPresent() && !confirmed) {
                finish(() -> confirmation.set(warning.get()));
                return;
            }
            LoginCheck.Outcome outcome = loginCheck.check(url, t, l);
            Optional<String> refused = outcome.problem();
            if (refused.isPresent()) {
                finish(() -> error.set(refused.get()));
                return;
            }
            Optional<String> failed = loginCheck.save(url, l);
            if (failed.isPresent()) {
                finish(() -> error.set(failed.get()));
                return;
            }
            Subscription added = core.subscriptions()
                    .add(new Subscription(
                            0, url.value(), t, name.isEmpty() ? null : name, null, priority, 0, 0, 0, false));
            core.subscriptionsChanged();
            finish(() -> {
                login.clearSecrets();
                subscribedId.set(added.id());
            });
        });
    }

    private void finish(Runnable onFx) {
        threads.fx().execute(() -> {
            busy.set(false);
            onFx.run();
        });
    }

    private void topicTyped(String now) {
        clearMessages();
        String s = now == null ? "" : now.strip();
        if (s.contains("/")) {
            try {
                TopicUrl parsed = TopicUrl.parse(s);
                server.set(parsed.server().value());
                topic.set(parsed.topic()); // re-enters with a plain topic
                return;
            } catch (ProtocolException e) {
                topicError.set(TEXT.get("topic.badUrl"));
                return;
            }
        }
        topicError.set(TopicInput.problem(s));
    }

    private void serverTyped(String now) {
        clearMessages();
        Optional<ServerUrl> url;
        try {
            url = Optional.of(ServerUrl.of(now));
            serverError.set("");
        } catch (ProtocolException e) {
            url = Optional.empty();
            serverError.set(now == null || now.isBlank() ? "" : TEXT.get("server.invalid", e.getMessage()));
        }
        int lookup = ++serverLookups;
        if (url.isEmpty()) {
            login.useServer(null);
            return;
        }
        String key = url.get().value();
        threads.io().execute(() -> {
            var s = core.settings().server(key);
            boolean has = s.token() || (s.username() != null && !s.username().isEmpty());
            String saved = has ? LoginCheck.describe(s) : null;
            threads.fx().execute(() -> {
                if (lookup == serverLookups) { // an older lookup must not override a newer server's
                    login.useServer(saved);
                }
            });
        });
    }

    private Optional<ServerUrl> serverUrl() {
        try {
            return Optional.of(ServerUrl.of(server.get()));
        } catch (ProtocolException e) {
            return Optional.empty();
        }
    }

    private void clearMessages() {
        error.set("");
        info.set("");
        existingId.set(0);
    }

    public StringProperty serverProperty() {
        return server;
    }

    public ObservableList<String> knownServers() {
        return knownServers;
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    /** 0: the global setting; 1 to 5 otherwise. */
    public IntegerProperty minPriorityProperty() {
        return minPriority;
    }

    public LoginForm login() {
        return login;
    }

    public StringProperty serverErrorProperty() {
        return serverError;
    }

    public StringProperty topicErrorProperty() {
        return topicError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What went wrong, for the user; empty when nothing did. */
    public StringProperty errorProperty() {
        return error;
    }

    /** What went right (the test message), for the user; empty otherwise. */
    public StringProperty infoProperty() {
        return info;
    }

    /** The id of the subscription that already exists for the entered topic, or 0. */
    public LongProperty existingIdProperty() {
        return existingId;
    }

    /** A question to confirm before the login replaces the server's login, or null. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** The new subscription's id once it is saved (0 before). */
    public LongProperty subscribedIdProperty() {
        return subscribedId;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
