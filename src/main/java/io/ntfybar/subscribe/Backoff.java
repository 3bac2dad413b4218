package io.ntfybar.subscribe;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays with jitter: the first retry within a second, then doubling to a cap (2 minutes by default).
 * 429 (too many requests) waits longer: at least the server's {@code Retry-After}, else a minute (ntfy's
 * auth-failure limiter refills one request a minute), doubling to the long cap. Not thread-safe: one per
 * connection, used under its lock.
 */
final class Backoff {
    private final Duration first;
    private final Duration cap;
    private final Duration rateLimitFirst;
    private final Duration rateLimitCap;
    private final DoubleSupplier random;
    private int failures;
    private int rateLimited;

    Backoff(Duration first, Duration cap, Duration rateLimitFirst, Duration rateLimitCap, DoubleSupplier random) {
        this.first = first;
        this.cap = cap;
        this.rateLimitFirst = rateLimitFirst;
        this.rateLimitCap = rateLimitCap;
        this.random = random;
    }

    /** The delay before the next attempt after a network error, a 5xx or a dropped stream. */
    Duration next() {
        Duration d = grow(first, cap, failures++);
        // Full jitter over the upper half: spreads many clients (and many connections) apart after a server restart.
        return Duration.ofMillis((long) (d.toMillis() * (0.5 + 0.5 * random.getAsDouble())));
    }

    /** The delay after a 429: the {@code Retry-After} a proxy sent, else a long growing delay. */
    Duration nextRateLimited(Duration retryAfter) {
        failures++;
        Duration d = grow(rateLimitFirst, rateLimitCap, rateLimited++);
        return retryAfter != null && !retryAfter.isNegative() ? retryAfter : d;
    }

    /** After a connection proved stable: the next failure starts from the shortest delay again. */
    void reset() {
        failures = 0;
        rateLimited = 0;
    }

    int failures() {
        return failures;
    }

    private static Duration grow(Duration base, Duration max, int n) {
        long millis = base.toMillis() << Math.min(n, 20);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
