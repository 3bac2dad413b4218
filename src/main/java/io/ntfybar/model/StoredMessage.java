package io.ntfybar.model;

import java.util.Objects;

/**
 * A message as the store holds it: the message plus its local state.
 *
 * @param rowId store row id, unique across subscriptions
 * @param subscriptionId the subscription it arrived on
 * @param message the message as received
 * @param receivedAt epoch seconds when it was stored
 * @param read the user has seen it (or a {@code message_clear} cleared it)
 * @param deleted hidden (by the user or a {@code message_delete})
 * @param superseded a newer revision with the same sequence id exists
 */
public record StoredMessage(
        long rowId,
        long subscriptionId,
        Message message,
        long receivedAt,
        boolean read,
        boolean deleted,
        boolean superseded) {
    public StoredMessage {
        Objects.requireNonNull(message, "message");
    }
}
