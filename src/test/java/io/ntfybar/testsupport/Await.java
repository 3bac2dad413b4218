package io.ntfybar.testsupport;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The one way tests wait: poll a condition until it holds or a deadline passes. The deadline only bounds how long a
 * broken build takes to fail, so it is generous (a busy two-core CI machine must never reach it); a test never waits
 * for a length of time to pass. On failure the message says what was awaited, for how long, and what the probe last
 * returned (or threw).
 */
public final class Await {
    /** Long enough that only a real failure reaches it, even on a loaded machine. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    static final Duration POLL = Duration.ofMillis(10);

    private Await() {}

    /** A condition that may throw while it is not yet true (a port not yet open, a file not yet written). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** A value read each poll; the last one read is shown when the wait fails. */
    @FunctionalInterface
    public interface Probe<T> {
        T read() throws Exception;
    }

    /** Waits until {@code condition} holds, for at most {@link #DEFAULT_DEADLINE}. */
    public static void until(String what, Condition condition) {
        until(what, DEFAULT_DEADLINE, condition);
    }

    public static void until(String what, Duration deadline, Condition condition) {
        value(what, deadline, condition::holds, Boolean.TRUE::equals);
    }

    /**
     * Reads {@code probe} until {@code done} accepts its value, and returns that value; the failure message carries the
     * last value read.
     */
    public static <T> T value(String what, Probe<T> probe, Predicate<? super T> done) {
        return value(what, DEFAULT_DEADLINE, probe, done);
    }

    public static <T> T value(String what, Duration deadline, Probe<T> probe, Predicate<? super T> done) {
        Objects.requireNonNull(what, "what");
        long end = System.nanoTime() + deadline.toNanos();
        Object lastSeen = "nothing yet";
        Exception lastError = null;
        while (true) {
            try {
                T v = probe.read();
                if (done.test(v)) {
                    return v;
                }
                lastSeen = v;
                lastError = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastSeen = "an exception: " + e;
                lastError = e;
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError(
                        "timed out after " + seconds(deadline) + " waiting for " + what + "; last seen: " + lastSeen,
                        lastError);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what + "; last seen: " + lastSeen, e);
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
