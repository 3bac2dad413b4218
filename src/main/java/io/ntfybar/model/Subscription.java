package io.ntfybar.model;

import java.util.Objects;

/**
 * A topic on a server that the user subscribed to, with its own settings. Immutable; change it with the
 * {@code with...} methods and save it through the store.
 *
 * @param id store id (0 before it is saved)
 * @param baseUrl server base URL without a trailing slash, e.g. {@code https://ntfy.sh}
 * @param topic the topic name
 * @param displayName shown instead of the topic, or null
 * @param iconUrl subscription icon, or null
 * @param minPriority notifications below this are stored but not shown; 0 means the global setting applies
 * @param mutedUntil epoch seconds until which nothing is shown; 0 not muted; -1 until resumed
 * @param autoDeleteSeconds delete messages older than this; 0 means the global setting applies; -1 keeps them
 * @param keepMessages keep at most this many messages, the newest; 0 means the global setting applies; -1 any number
 * @param initialFetchDone whether the server's cache was fetched once (that fetch raises no notifications)
 */
public record Subscription(
        long id,
        String baseUrl,
        String topic,
        String displayName,
        String iconUrl,
        int minPriority,
        long mutedUntil,
        long autoDeleteSeconds,
        int keepMessages,
        boolean initialFetchDone) {

    public static final long MUTED_UNTIL_RESUMED = -1;
    /** {@link #autoDeleteSeconds} and {@link #keepMessages}: no limit, whatever the global setting says. */
    public static final int NO_LIMIT = -1;

    public Subscription {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(topic, "topic");
        if (minPriority < 0 || minPriority > 5) {
            throw new IllegalArgumentException("minPriority must be 0 to 5, not " + minPriority);
        }
        if (autoDeleteSeconds < NO_LIMIT || keepMessages < NO_LIMIT) {
            throw new IllegalArgumentException("retention must be -1 (no limit), 0 (global) or positive");
        }
    }

    public static Subscription of(String baseUrl, String topic) {
        return new Subscription(0, baseUrl, topic, null, null, 0, 0, 0, 0, false);
    }

    public Subscription withId(long newId) {
        return new Subscription(
                newId,
                baseUrl,
                topic,
                displayName,
                iconUrl,
                minPriority,
                mutedUntil,
                autoDeleteSeconds,
                keepMessages,
                initialFetchDone);
    }

    public Subscription withDisplayName(String name) {
        return new Subscription(
                id,
                baseUrl,
                topic,
                name,
                iconUrl,
                minPriority,
                mutedUntil,
                autoDeleteSeconds,
                keepMessages,
                initialFetchDone);
    }

    public Subscription withMutedUntil(long until) {
        return new Subscription(
                id,
                baseUrl,
                topic,
                displayName,
                iconUrl,
                minPriority,
                until,
                autoDeleteSeconds,
                keepMessages,
                initialFetchDone);
    }

    public Subscription withInitialFetchDone(boolean done) {
        return new Subscription(
                id,
                baseUrl,
                topic,
                displayName,
                iconUrl,
                minPriority,
                mutedUntil,
                autoDeleteSeconds,
                keepMessages,
                done);
    }

    /** This subscription's own retention: delete after {@code seconds} and keep at most {@code messages}. */
    public Subscription withRetention(long seconds, int messages) {
        return new Subscription(
                id, baseUrl, topic, displayName, iconUrl, minPriority, mutedUntil, seconds, messages, initialFetchDone);
    }

    public boolean isMuted(long nowEpochSeconds) {
        return mutedUntil == MUTED_UNTIL_RESUMED || mutedUntil > nowEpochSeconds;
    }
}
