package io.ntfybar.subscribe;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Java hears nothing of sleep and wake: a wall clock that ran ahead of the monotonic clock between two ticks means
 * the machine slept, and every stream is likely dead without knowing it (the engine), and an outage's clock must not
 * count the hours asleep ({@code notify.ConnectionAlert}). Not thread-safe: one ticking thread, or under a lock.
 */
public final class SleepDetector {
    private final long thresholdMillis;
    private long lastWall;
    private long lastMono;

    public SleepDetector(Duration threshold, long wallMillis, long monoNanos) {
        this.thresholdMillis = threshold.toMillis();
        this.lastWall = wallMillis;
        this.lastMono = monoNanos;
    }

    /** True when the wall clock moved more than the threshold beyond (or behind) the monotonic time since last. */
    public boolean jumped(long wallMillis, long monoNanos) {
        long jump = (wallMillis - lastWall) - TimeUnit.NANOSECONDS.toMillis(monoNanos - lastMono);
        lastWall = wallMillis;
        lastMono = monoNanos;
        return Math.abs(jump) > thresholdMillis;
    }
}
