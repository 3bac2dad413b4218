package io.ntfybar.subscribe;

import java.time.Duration;

/**
 * Tunables of the connection engine. The defaults are what the app uses; tests shorten the times.
 *
 * @param resumeMargin a resumed stream starts this long before the last stored message (replays are deduplicated)
 * @param defaultKeepalive assumed server keepalive until one is learned or set (ntfy's default is 45 s)
 * @param keepaliveFactor a stream silent for this many keepalive intervals is dead
 * @param firstRetry the first reconnect delay (jittered), doubling up to {@code maxRetry}
 * @param stableAfter a connection up this long resets the backoff
 * @param rateLimitRetry the first delay after a 429 without Retry-After, doubling up to {@code maxRateLimitRetry}
 * @param maxRequestLine longest subscribe request line; more topics are split over several connections
 * @param tick how often the watchdog and the sleep detector run
 * @param clockJump a wall-clock jump beyond the elapsed monotonic time by more than this means the machine slept
 * @param writerBatch at most this many events go into one store transaction
 */
public record EngineConfig(
        Duration resumeMargin,
        Duration defaultKeepalive,
        int keepaliveFactor,
        Duration firstRetry,
        Duration maxRetry,
        Duration stableAfter,
        Duration rateLimitRetry,
        Duration maxRateLimitRetry,
        int maxRequestLine,
        Duration tick,
        Duration clockJump,
        int writerBatch) {

    public static EngineConfig defaults() {
        return new EngineConfig(
                Duration.ofSeconds(60),
                Duration.ofSeconds(45),
                2,
                Duration.ofSeconds(1),
                Duration.ofMinutes(2),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                4096,
                Duration.ofSeconds(1),
                Duration.ofSeconds(15),
                1000);
    }

    public EngineConfig withDefaultKeepalive(Duration d) {
        return new EngineConfig(
                resumeMargin,
                d,
                keepaliveFactor,
                firstRetry,
                maxRetry,
                stableAfter,
                rateLimitRetry,
                maxRateLimitRetry,
                maxRequestLine,
                tick,
                clockJump,
                writerBatch);
    }

    public EngineConfig withRetry(Duration first, Duration max) {
        return new EngineConfig(
                resumeMargin,
                defaultKeepalive,
                keepaliveFactor,
                first,
                max,
                stableAfter,
                rateLimitRetry,
                maxRateLimitRetry,
                maxRequestLine,
                tick,
                clockJump,
                writerBatch);
    }

    public EngineConfig withMaxRequestLine(int n) {
        return new EngineConfig(
                resumeMargin,
                defaultKeepalive,
                keepaliveFactor,
                firstRetry,
                maxRetry,
                stableAfter,
                rateLimitRetry,
                maxRateLimitRetry,
                n,
                tick,
                clockJump,
                writerBatch);
    }

    public EngineConfig withTick(Duration t) {
        return new EngineConfig(
                resumeMargin,
                defaultKeepalive,
                keepaliveFactor,
                firstRetry,
                maxRetry,
                stableAfter,
                rateLimitRetry,
                maxRateLimitRetry,
                maxRequestLine,
                t,
                clockJump,
                writerBatch);
    }
}
