package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static Backoff backoff(double random) {
        return new Backoff(
                Duration.ofSeconds(1),
                Duration.ofMinutes(2),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                () -> random);
    }

    @Test
    void firstRetryComesWithinOneSecondThenGrowsToTheCap() {
        Backoff b = backoff(1.0);
        assertEquals(Duration.ofSeconds(1), b.next());
        assertEquals(Duration.ofSeconds(2), b.next());
        assertEquals(Duration.ofSeconds(4), b.next());
        for (int i = 0; i < 20; i++) {
            b.next();
        }
        assertEquals(Duration.ofMinutes(2), b.next());
    }

    @Test
    void jitterSpreadsOverTheUpperHalf() {
        assertEquals(Duration.ofMillis(500), backoff(0.0).next());
        Duration mid = backoff(0.5).next();
        assertTrue(mid.toMillis() > 500 && mid.toMillis() < 1000, mid.toString());
    }

    @Test
    void resetStartsOverAfterAStableConnection() {
        Backoff b = backoff(1.0);
        b.next();
        b.next();
        b.next();
        b.reset();
        assertEquals(Duration.ofSeconds(1), b.next());
    }

    @Test
    void rateLimitWaitsAMinuteAndHonoursRetryAfter() {
        Backoff b = backoff(1.0);
        assertEquals(Duration.ofMinutes(1), b.nextRateLimited(null));
        assertEquals(Duration.ofMinutes(2), b.nextRateLimited(null));
        assertEquals(Duration.ofSeconds(7), b.nextRateLimited(Duration.ofSeconds(7)));
        for (int i = 0; i < 10; i++) {
            b.nextRateLimited(null);
        }
        assertEquals(Duration.ofMinutes(10), b.nextRateLimited(null));
    }
}
