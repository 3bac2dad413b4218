package io.ntfybar.notify;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;

/**
 * What the notification service tells the UI or the CLI. Called on the notification thread: hand off, never
 * block.
 */
public interface NotificationEvents {
    /** A notification without a click URL was clicked: open the messages window at this message. */
    default void onOpenMessage(StoredMessage message) {}

    /** A catch-up summary was clicked: open the messages window at this subscription. */
    default void onOpenSubscription(Subscription subscription) {}

    /** An action button ran: the UI shows ✔ or ❌ on button {@code index} of the message. */
    default void onActionResult(StoredMessage message, int index, boolean success, String reason) {}

    /** Clicking the notification, or an action with {@code clear}, marked this message (store row id) read. */
    default void onMarkedRead(long rowId) {}

    /** Something the user should read, such as a refused link. */
    default void onNotice(String text) {}
}
