package io.ntfybar.ui.tray;

import io.ntfybar.dispatch.MuteDuration;

/** What a tray menu item does; run by {@link TrayCommands} off the AWT event thread. */
public sealed interface TrayCommand {
    record OpenMessage(long subscriptionId, long rowId) implements TrayCommand {}

    record OpenSubscription(long subscriptionId) implements TrayCommand {}

    /** Mute one subscription for a while; {@code duration} null unmutes it. */
    record MuteSubscription(long subscriptionId, MuteDuration duration) implements TrayCommand {}

    /** Pause every notification for a while; {@code duration} null resumes them. */
    record PauseAll(MuteDuration duration) implements TrayCommand {}

    record Show(Window window) implements TrayCommand {}

    record Quit() implements TrayCommand {}

    enum Window {
        MESSAGES,
        SUBSCRIBE,
        PUBLISH,
        PREFERENCES
    }
}
