package io.ntfybar.ui.subscription;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.subscribe.LoginCheck;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Subscription settings window's state and logic: display name, icon, minimum priority, mute, retention, the
 * server's login (changed through {@link LoginCheck}, as in the Subscribe window), the server's trust settings
 * ({@link ServerTrustViewModel}), the subscription's current problem, and unsubscribing. Methods and properties are for the FX thread; work runs on {@link UiThreads#io()}.
 */
public final class SubscriptionSettingsViewModel {
    private static final UiText TEXT = UiText.of(SubscriptionSettingsViewModel.class);

    private final AppCore core;
    private final UiThreads threads;
    private final Supplier<ZonedDateTime> now;

    private final ObjectProperty<Subscription> subscription = new SimpleObjectProperty<>(null);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty iconUrl = new SimpleStringProperty("");
    private final StringProperty iconError = new SimpleStringProperty("");
    private final IntegerProperty minPriority = new SimpleIntegerProperty(0);
    private final LongProperty autoDeleteSeconds = new SimpleLongProperty(0);
    private final IntegerProperty keepMessages = new SimpleIntegerProperty(0);
    private final StringProperty muteText = new SimpleStringProperty("");
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final BooleanProperty removed = new SimpleBooleanProperty(false);
    private final BooleanBinding canSave;
    private final ServerLoginViewModel serverLogin;
    private final ServerTrustViewModel serverTrust;

    public SubscriptionSettingsViewModel(AppCore core, UiThreads threads) {
        this(core, threads, ZonedDateTime::now);
    }

    SubscriptionSettingsViewModel(AppCore core, UiThreads threads, Supplier<ZonedDateTime> now) {
        this.core = core;
        this.threads = threads;
        this.now = now;
        this.serverLogin = new ServerLoginViewModel(core, threads, subscription::get);
        this.serverTrust = new ServerTrustViewModel(core, threads, subscription::get, java.time.Clock.systemUTC());
        iconUrl.addListener((o, a, b) -> iconError.set(Choices.iconProblem(b)));
        canSave = Bindings.createBooleanBinding(
                () -> subscription.get() != null
                        && !busy.get()
                        && iconError.get().isEmpty(),
                subscription,
                busy,
                iconError);
    }

    /** Loads the subscription into the form; {@link #errorProperty} says so when it no longer exists. */
    public void load(long subscriptionId) {
        error.set("");
        info.set("");
        removed.set(false);
        threads.io().execute(() -> {
            Optional<Subscription> s = find(subscriptionId);
            TopicProblem p = core.problems().get(subscriptionId);
            String loginNow = s.map(x -> LoginCheck.describe(core.settings().server(x.baseUrl())))
                    .orElse("");
            String keychain = core.keychain().description();
            var server = s.map(x -> core.settings().server(x.baseUrl()))
                    .orElse(io.ntfybar.settings.ServerSettings.defaults());
            threads.fx().execute(() -> {
                serverLogin.show(loginNow, keychain);
                if (s.isEmpty()) {
                    subscription.set(null);
                    error.set(TEXT.get("load.gone"));
                    return;
                }
                show(s.get(), p);
                serverTrust.show(server);
            });
        });
    }

    /** Reads the subscription's current problem again (the engine found or cleared one). */
    public void refreshProblem() {
        Subscription s = subscription.get();
        if (s == null) {
            return;
        }
        threads.io().execute(() -> {
            TopicProblem p = core.problems().get(s.id());
            threads.fx().execute(() -> problem.set(problemText(p)));
        });
    }

    /** Saves the display name, icon, priority and retention; the rest of the subscription is kept as stored. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        String name = displayName.get().strip();
        String icon = iconUrl.get().strip();
        int priority = minPriority.get();
        long autoDelete = autoDeleteSeconds.get();
        int keep = keepMessages.get();
        change(
                s -> new Subscription(
                        s.id(),
                        s.baseUrl(),
                        s.topic(),
                        name.isEmpty() ? null : name,
                        icon.isEmpty() ? null : icon,
                        priority,
                        s.mutedUntil(),
                        autoDelete,
                        keep,
                        s.initialFetchDone()),
                TEXT.get("save.done"));
    }

    /** Mutes the subscription's notifications (messages are still received and stored); saved at once. */
    public void mute(MuteDuration duration) {
        long until = duration.mutedUntil(now.get());
        change(s -> withMutedUntil(s, until), "");
    }

    public void unmute() {
        change(s -> withMutedUntil(s, 0), "");
    }

    /**
     * Removes the subscription and its messages (the store cannot keep messages without their subscription), then
     * reconnects without it; {@link #removedProperty} becomes true.
     */
    public void unsubscribe() {
        Subscription s = subscription.get();
        if (s == null) {
            return;
        }
        busy.set(true);
        threads.io().execute(() -> {
            core.subscriptions().remove(s.id());
            core.subscriptionsChanged();
            threads.fx().execute(() -> {
                busy.set(false);
                subscription.set(null);
                removed.set(true);
            });
        });
    }

    private void change(UnaryOperator<Subscription> edit, String done) {
        Subscription loaded = subscription.get();
        if (loaded == null) {
            return;
        }
        error.set("");
        info.set("");
        busy.set(true);
        threads.io().execute(() -> {
            // Re-read: the engine may have changed the stored subscription (its first fetch) since it was loaded.
            Optional<Subscription> fresh = find(loaded.id());
            Optional<Subscription> saved = fresh.map(edit);
            saved.ifPresent(core.subscriptions()::update);
            if (saved.isPresent()) {
                core.subscriptionsChanged();
            }
            threads.fx().execute(() -> {
                busy.set(false);
                if (saved.isEmpty()) {
                    subscription.set(null);
                    error.set(TEXT.get("load.gone"));
                    return;
                }
                subscription.set(saved.get());
                showMute(saved.get().mutedUntil());
                info.set(done);
            });
        });
    }

    private void show(Subscription s, TopicProblem p) {
        subscription.set(s);
        ServerUrl url = ServerUrl.of(s.baseUrl());
        title.set(url.shortForm() + "/" + s.topic());
        displayName.set(s.displayName() == null ? "" : s.displayName());
        iconUrl.set(s.iconUrl() == null ? "" : s.iconUrl());
        minPriority.set(s.minPriority());
        autoDeleteSeconds.set(s.autoDeleteSeconds());
        keepMessages.set(s.keepMessages());
        showMute(s.mutedUntil());
        problem.set(problemText(p));
    }

    private void showMute(long until) {
        muted.set(until == Subscription.MUTED_UNTIL_RESUMED || until > now.get().toEpochSecond());
        muteText.set(Choices.muteState(until, now.get()));
    }

    private static String problemText(TopicProblem p) {
        return p == null ? "" : TEXT.get("problem." + p.kind().name(), p.sentence());
    }

    private Optional<Subscription> find(long id) {
        return core.subscriptions().all().stream().filter(x -> x.id() == id).findFirst();
    }

    private static Subscription withMutedUntil(Subscription s, long until) {
        return new Subscription(
                s.id(),
                s.baseUrl(),
                s.topic(),
                s.displayName(),
                s.iconUrl(),
                s.minPriority(),
                until,
                s.autoDeleteSeconds(),
                s.keepMessages(),
                s.initialFetchDone());
    }

    // Properties, for the view and tests.

    public ObjectProperty<Subscription> subscriptionProperty() {
        return subscription;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty iconUrlProperty() {
        return iconUrl;
    }

    public StringProperty iconErrorProperty() {
        return iconError;
    }

    /** 0: the global setting; 1 to 5 otherwise. */
    public IntegerProperty minPriorityProperty() {
        return minPriority;
    }

    /** 0: the global setting; -1: never; otherwise seconds. */
    public LongProperty autoDeleteSecondsProperty() {
        return autoDeleteSeconds;
    }

    /** 0: the global setting; -1: any number; otherwise at most this many. */
    public IntegerProperty keepMessagesProperty() {
        return keepMessages;
    }

    public StringProperty muteTextProperty() {
        return muteText;
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    /** The server's login and changing it. */
    public ServerLoginViewModel serverLogin() {
        return serverLogin;
    }

    /** The server's certificates and headers, and changing them. */
    public ServerTrustViewModel serverTrust() {
        return serverTrust;
    }

    /** The subscription's current problem with what to do, or empty. */
    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    /** True once the subscription is unsubscribed: the window closes. */
    public BooleanProperty removedProperty() {
        return removed;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
