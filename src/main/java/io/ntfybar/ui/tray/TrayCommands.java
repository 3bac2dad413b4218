package io.ntfybar.ui.tray;

import io.ntfybar.model.Subscription;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.Windows;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * Runs what a tray item asks for. Called on the tray's own thread (store and settings writes happen here, never on
 * the AWT event thread); windows open through {@link Windows}, which hops onto JavaFX by itself.
 */
final class TrayCommands {
    private final AppCore core;
    private final Windows windows;
    private final Supplier<ZonedDateTime> now;

    TrayCommands(AppCore core, Windows windows, Supplier<ZonedDateTime> now) {
        this.core = core;
        this.windows = windows;
        this.now = now;
    }

    void run(TrayCommand command) {
        if (command instanceof TrayCommand.OpenMessage m) {
            windows.showMessages(m.subscriptionId(), m.rowId());
        } else if (command instanceof TrayCommand.OpenSubscription o) {
            windows.showMessages(o.subscriptionId(), 0);
        } else if (command instanceof TrayCommand.MuteSubscription m) {
            long until = m.duration() == null ? 0 : m.duration().mutedUntil(now.get());
            for (Subscription s : core.subscriptions().all()) {
                if (s.id() == m.subscriptionId()) {
                    core.subscriptions().update(s.withMutedUntil(until));
                    core.subscriptionsChanged();
                }
            }
        } else if (command instanceof TrayCommand.PauseAll p) {
            long until = p.duration() == null ? 0 : p.duration().mutedUntil(now.get());
            core.updateSettings(s -> s.withNotifications(s.notifications().withMutedUntil(until)));
        } else if (command instanceof TrayCommand.Show s) {
            switch (s.window()) {
                case MESSAGES -> windows.showMessages(0, 0);
                case SUBSCRIBE -> windows.showSubscribe();
                case PUBLISH -> windows.showPublish(null);
                case PREFERENCES -> windows.showPreferences();
            }
        } else if (command instanceof TrayCommand.Quit) {
            core.quit();
        }
    }
}
