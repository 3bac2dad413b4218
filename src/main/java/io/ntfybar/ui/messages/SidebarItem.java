package io.ntfybar.ui.messages;

/**
 * One row of the sidebar: a subscription (or {@link #ALL}, every message) with its unread count and connection
 * state. Immutable.
 *
 * @param id the subscription id, or {@link #ALL}
 * @param name display name, or the topic (short URL for another server than the default)
 * @param server the server's short form ({@code ntfy.sh}); empty for {@link #ALL}
 * @param topicUrl the topic's URL for publishing, or null for {@link #ALL}
 * @param unread unread messages
 * @param status the connection state
 * @param statusText the state in words ("Connected", "Needs login", ...)
 * @param problem the sentence explaining a problem (tooltip, empty state), or null
 * @param advice what to do about it ("Log in again in the subscription settings"), or null
 */
public record SidebarItem(
        long id,
        String name,
        String server,
        String topicUrl,
        int unread,
        Status status,
        String statusText,
        String problem,
        String advice) {
    /** The id of the "All messages" row. */
    public static final long ALL = -1;

    public enum Status {
        NONE,
        CONNECTED,
        CONNECTING,
        RECONNECTING,
        NEEDS_LOGIN,
        FORBIDDEN,
        INVALID,
        FAILED
    }

    /** A state that keeps messages from arriving until the user acts. */
    public boolean hasProblem() {
        return status == Status.NEEDS_LOGIN
                || status == Status.FORBIDDEN
                || status == Status.INVALID
                || status == Status.FAILED;
    }
}
