package io.ntfybar.subscribe;

/**
 * What the engine tells the UI (and the CLI) about its connections. Called on engine threads; hop to the UI thread
 * yourself, and do not block.
 */
public interface EngineListener {
    /** A connection's state changed (connecting, connected, backing off until, failed, closed). */
    default void onConnectionState(ConnectionState.Report report) {}

    /** A subscription was refused by its server (needs login, forbidden, invalid) and is no longer retried. */
    default void onTopicProblem(TopicProblem problem) {}
}
