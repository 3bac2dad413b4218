package io.ntfybar.protocol;

/** The subscribe endpoints of a ntfy topic list (protocol section 2): {@code /<topics>/<path>}. Immutable. */
public enum StreamFormat {
    /** Newline-delimited JSON, one event per line. */
    JSON("json"),
    /** Server-sent events; the JSON is in each event's data. */
    SSE("sse"),
    /** Message text only, one line each; other events are empty lines. */
    RAW("raw"),
    /** WebSocket; one JSON event per text frame. */
    WS("ws");

    private final String path;

    StreamFormat(String path) {
        this.path = path;
    }

    /** The last path segment: {@code json}, {@code sse}, {@code raw} or {@code ws}. */
    public String path() {
        return path;
    }
}
