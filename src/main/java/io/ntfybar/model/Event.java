package io.ntfybar.model;

/**
 * The {@code event} field of a ntfy stream object. Events a newer server may add are {@link #UNKNOWN}; the raw name
 * stays in {@link Message#event()}, so nothing is lost and nothing throws.
 */
public enum Event {
    OPEN("open"),
    KEEPALIVE("keepalive"),
    MESSAGE("message"),
    POLL_REQUEST("poll_request"),
    MESSAGE_DELETE("message_delete"),
    MESSAGE_CLEAR("message_clear"),
    UNKNOWN("");

    private final String wireName;

    Event(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Event of(String wireName) {
        if (wireName != null && !wireName.isEmpty()) {
            for (Event e : values()) {
                if (e.wireName.equals(wireName)) {
                    return e;
                }
            }
        }
        return UNKNOWN;
    }
}
