package io.ntfybar.subscribe;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Java hears nothing of sleep and wake: a wall clock that ran ahead of the monotonic clock between two ticks means
 * the machine slept, and every stream is likely dead without knowing it. Not thread-safe: one ticking thread.
 */
final class SleepDetector {
    private final long thresholdMillis;
    private long lastWall;
    private long lastMono;

    SleepDetector(Duration threshold, long wallMillis, long monoNanos) {
        this.thresholdMillis = threshold.toMillis();
        this.lastWall = wallMillis;
        this.lastMono = monoNanos;
    }

    /** True when the wall clock moved more than the threshold beyond (or behind) the monotonic time since last. */
    boolean jumped(long wallMillis, long monoNanos) {
        long jump = (wallMillis - lastWall) - TimeUnit.NANOSECONDS.toMillis(monoNanos - lastMono);
        lastWall = wallMillis;
        lastMono = monoNanos;
        return Math.abs(jump) > thresholdMillis;
    }
}
