package io.ntfybar.subscribe;

/**
 * Why a subscription receives nothing and is no longer retried: shown beside the subscription until the user acts.
 *
 * @param subscriptionId the subscription
 * @param kind what went wrong
 * @param sentence what failed and what to do, for the user
 */
public record TopicProblem(long subscriptionId, Kind kind, String sentence) {
    public enum Kind {
        /** 401, or 403 without credentials: the server wants (other) login details. */
        NEEDS_LOGIN,
        /** 403 with credentials: this user may not read the topic. */
        FORBIDDEN,
        /** 400 or 404: the server does not accept the topic. */
        INVALID,
        /** The server's own settings cannot be used (e.g. its CA certificate file); judged again when they change. */
        SETTINGS
    }
}
