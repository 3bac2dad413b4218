package io.ntfybar.notify;

/**
 * What the user did with a shown notification, by {@link io.ntfybar.render.NotificationSpec#identity()}. Called on a
 * notifier's thread: hand off, never block.
 */
public interface NotificationListener {
    /** The notification itself was clicked (the default action). */
    default void onClick(String identity) {}

    /** Action button {@code index} of the spec's {@code actions()} was pressed. */
    default void onAction(String identity, int index) {}

    /** The user dismissed it (not: it expired, or the app withdrew it). */
    default void onDismissed(String identity) {}
}
