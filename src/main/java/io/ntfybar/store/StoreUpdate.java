package io.ntfybar.store;

import io.ntfybar.model.StoredMessage;

/**
 * What a write to the store changed, in the order it happened: what the dispatcher and the UI act on. Only real
 * changes are reported; a replayed message that was already stored reports nothing.
 */
public sealed interface StoreUpdate {
    long subscriptionId();

    /**
     * A message that was not stored before (a new message, or a new revision of a sequence).
     *
     * @param dispatch false for history that must raise no notification (a new subscription's initial fetch)
     */
    record Added(StoredMessage stored, boolean dispatch) implements StoreUpdate {
        @Override
        public long subscriptionId() {
            return stored.subscriptionId();
        }
    }

    /** {@code message_clear}: every revision of the sequence is now read; withdraw its notification. */
    record Cleared(long subscriptionId, String sequenceId) implements StoreUpdate {}

    /** {@code message_delete}: every revision of the sequence is now hidden; withdraw its notification. */
    record Deleted(long subscriptionId, String sequenceId) implements StoreUpdate {}
}
