package io.ntfybar.ui.fx;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Settings;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.CoreListener;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.Windows;
import io.ntfybar.ui.messages.MessagesWindow;
import io.ntfybar.ui.preferences.PreferencesWindow;
import io.ntfybar.ui.publish.PublishWindow;
import io.ntfybar.ui.subscribe.SubscribeWindow;
import io.ntfybar.ui.subscription.SubscriptionSettingsWindow;
import io.ntfybar.ui.theme.Appearance;
import io.ntfybar.ui.theme.SystemTheme;
import io.ntfybar.ui.theme.ThemeManager;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The app's windows, each created on first use and then reused; JavaFX itself starts with the first one
 * ({@link FxRuntime}). Callable from any thread; every window is brought to the front when shown, on macOS through
 * {@code activate} (a menu-bar app is never the active app by itself).
 */
public final class FxWindows implements Windows, CoreListener {
    private final AppCore core;
    private final UiThreads threads;
    private final Runnable activate;
    private volatile boolean quitWithMessages;
    private volatile ThemeManager themes;
    private MessagesWindow messages;
    private SubscribeWindow subscribe;
    private SubscriptionSettingsWindow subscription;
    private PublishWindow publish;
    private PreferencesWindow preferences;

    /** @param activate brings the app to the front (macOS); a no-op elsewhere */
    public FxWindows(AppCore core, UiThreads threads, Runnable activate) {
        this.core = core;
        this.threads = threads;
        this.activate = activate;
    }

    /** Without a tray the messages window is the app: closing it quits. Before the first window opens. */
    public void quitWhenMessagesClose() {
        quitWithMessages = true;
    }

    @Override
    public void showMessages(long subscriptionId, long rowId) {
        ensureThemes();
        FxRuntime.run(() -> {
            boolean first = messages == null;
            if (first) {
                messages = new MessagesWindow(core, this, threads);
            }
            messages.show(subscriptionId, rowId);
            Stage s = messages.stage();
            if (first && quitWithMessages) {
                s.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> core.quit());
            }
            front(s);
        });
    }

    @Override
    public void showSubscribe() {
        ensureThemes();
        FxRuntime.run(() -> {
            if (subscribe == null) {
                subscribe = new SubscribeWindow(core, this, threads);
            }
            subscribe.show();
            front(subscribe.stage());
        });
    }

    @Override
    public void showSubscriptionSettings(long subscriptionId) {
        ensureThemes();
        FxRuntime.run(() -> {
            if (subscription == null) {
                subscription = new SubscriptionSettingsWindow(core, this, threads);
            }
            subscription.show(subscriptionId);
            front(subscription.stage());
        });
    }

    @Override
    public void showPublish(String topicUrl) {
        ensureThemes();
        FxRuntime.run(() -> {
            if (publish == null) {
                publish = new PublishWindow(core, this, threads);
            }
            publish.show(topicUrl);
            front(publish.stage());
        });
    }

    @Override
    public void showPreferences() {
        ensureThemes();
        FxRuntime.run(() -> {
            if (preferences == null) {
                preferences = new PreferencesWindow(core, this, threads);
            }
            preferences.show();
            front(preferences.stage());
        });
    }

    /**
     * Reads the system's light or dark setting once, before the first window (it may run a command: never on the FX
     * or AWT thread; callers are the tray's and the notifier's threads, or a window whose first call made it already).
     */
    private void ensureThemes() {
        if (themes == null) {
            synchronized (this) {
                if (themes == null) {
                    ThemeManager t = new ThemeManager(
                            SystemTheme.detect(),
                            Appearance.parse(core.settings().appearance()));
                    FxStages.useThemes(t);
                    themes = t;
                }
            }
        }
    }

    @Override
    public void onSettingsChanged(Settings settings) {
        ThemeManager t = themes;
        if (t != null) {
            t.setAppearance(Appearance.parse(settings.appearance()));
        }
    }

    /** Each window shows itself in front of the app's own windows; this also un-minimises it and, on macOS, makes the
     * menu-bar app the active app so that the window is in front of other apps' too. */
    private void front(Stage s) {
        if (s.isIconified()) {
            s.setIconified(false);
        }
        activate.run();
    }

    /** A click on a notification without a click URL: that message in the messages window. */
    @Override
    public void onOpenMessage(StoredMessage message) {
        showMessages(message.subscriptionId(), message.rowId());
    }

    @Override
    public void onOpenSubscription(Subscription s) {
        showMessages(s.id(), 0);
    }
}
