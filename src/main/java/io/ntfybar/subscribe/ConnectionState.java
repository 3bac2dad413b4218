package io.ntfybar.subscribe;

import java.time.Instant;
import java.util.List;

/** The state of one stream connection, as the UI shows it. Immutable. */
public sealed interface ConnectionState {
    /** Opening the stream (a first connect or a reconnect). */
    record Connecting() implements ConnectionState {}

    /** The server answered and the stream is open. */
    record Connected() implements ConnectionState {}

    /** The last attempt failed; the next starts at {@code retryAt}. @param reason a sentence for the user */
    record BackingOff(Instant retryAt, String reason) implements ConnectionState {}

    /** No more retries until the user changes something (credentials, topics). @param reason a sentence */
    record Failed(String reason) implements ConnectionState {}

    /** The connection was closed because it is no longer wanted. */
    record Closed() implements ConnectionState {}

    /**
     * One state report.
     *
     * @param key the server and credentials
     * @param topics the topics this connection carries (a server's topics may be split over several connections)
     */
    record Report(ConnectionKey key, List<String> topics, ConnectionState state) {}
}
