package io.ntfybar.notify;

import io.ntfybar.render.NotificationSpec;

/**
 * Shows {@link NotificationSpec}s on one desktop notification system (macOS Notification Center, the freedesktop
 * service over D-Bus, osascript, an AWT tray balloon). Chosen at run time by {@code Notifiers}, always with a fallback.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li>{@link #show} and {@link #withdraw} never throw and never block on the desktop: a failure is logged and, when
 *       it means notifications cannot be shown at all, reported through {@link #availability()}.
 *   <li>Showing a spec whose {@link NotificationSpec#identity()} is already shown replaces it in place.
 *   <li>Listener callbacks come on the notifier's own thread; the listener hands off at once and never blocks.
 *   <li>Action buttons are offered only when {@link Capabilities#actions()} is true; the listener receives the index
 *       into {@link NotificationSpec#actions()}.
 * </ul>
 */
public interface Notifier extends AutoCloseable {

    /** For logs and the UI: "freedesktop notifications (dunst 1.9.0)", "macOS Notification Center", ... */
    String name();

    Capabilities capabilities();

    /** Whether notifications can be shown now; with a sentence for people when not. */
    Availability availability();

    /** Shows, or replaces the notification with the same identity. */
    void show(NotificationSpec spec);

    /** Removes the notification with this identity if it is shown; nothing when it is not. */
    void withdraw(String identity);

    /** Receives clicks, action buttons and dismissals. Set once, before the first {@link #show}. */
    void setListener(NotificationListener listener);

    /** Releases the connection or native resources; no callbacks afterwards. Never throws. */
    @Override
    void close();

    /**
     * What this notifier can do.
     *
     * @param actions action buttons
     * @param click a click on the notification itself is reported
     * @param images a local image can be shown
     * @param withdraw a shown notification can be removed or replaced
     */
    record Capabilities(boolean actions, boolean click, boolean images, boolean withdraw) {
        public static final Capabilities TEXT_ONLY = new Capabilities(false, false, false, false);
    }

    /**
     * @param usable notifications can be shown
     * @param reason why not, for people ("notifications are turned off for ntfybar in System Settings"), else null
     */
    record Availability(boolean usable, String reason) {
        public static final Availability OK = new Availability(true, null);

        public static Availability unusable(String reason) {
            return new Availability(false, reason);
        }
    }
}
