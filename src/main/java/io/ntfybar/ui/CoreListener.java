package io.ntfybar.ui;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.TopicProblem;
import java.util.List;

/**
 * Events of the running app for the tray and the windows. Called on core threads, in the order things happened; an
 * implementation hops to its toolkit's thread and never blocks. Every method has an empty default.
 */
public interface CoreListener {
    /** Messages were stored, cleared or deleted by a server (after they are durable). */
    default void onStored(List<StoreUpdate> updates) {}

    /** The user changed messages locally: read state or deletions. */
    default void onMessagesChanged() {}

    /**
     * These messages (store row ids) are read or unread now, whoever marked them: a window, the tray, a notification.
     * Followed by {@link #onMessagesChanged}.
     */
    default void onReadChanged(List<Long> rowIds, boolean read) {}

    /** A subscription was added, edited or removed. */
    default void onSubscriptionsChanged() {}

    default void onConnection(ConnectionState.Report report) {}

    default void onTopicProblem(TopicProblem problem) {}

    default void onSettingsChanged(Settings settings) {}

    /** The user clicked a notification without a click URL: show this message. */
    default void onOpenMessage(StoredMessage message) {}

    /** The user clicked a summary notification: show this subscription. */
    default void onOpenSubscription(Subscription subscription) {}

    /** An action button of a notification finished: show ✔ or ❌ on the button in the window. */
    default void onActionResult(StoredMessage message, int index, boolean success, String reason) {}

    /** Something the user should read (a refused link, a failed action). */
    default void onNotice(String text) {}
}
