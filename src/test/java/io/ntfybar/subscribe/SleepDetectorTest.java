package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SleepDetectorTest {
    private static final long SEC = TimeUnit.SECONDS.toNanos(1);

    @Test
    void clocksMovingTogetherAreNoSleep() {
        SleepDetector d = new SleepDetector(Duration.ofSeconds(15), 1_000_000, 0);
        assertFalse(d.jumped(1_001_000, SEC));
        assertFalse(d.jumped(1_012_000, 12 * SEC), "a late tick is not sleep: both clocks moved");
    }

    @Test
    void aWallClockAheadOfTheMonotonicOneMeansTheMachineSlept() {
        SleepDetector d = new SleepDetector(Duration.ofSeconds(15), 1_000_000, 0);
        assertTrue(d.jumped(1_000_000 + 30 * 60_000, SEC));
        assertFalse(d.jumped(1_000_000 + 30 * 60_000 + 1000, 2 * SEC), "reported once");
    }

    @Test
    void aClockSetBackIsAJumpToo() {
        SleepDetector d = new SleepDetector(Duration.ofSeconds(15), 1_000_000, 0);
        assertTrue(d.jumped(1_000_000 - 3_600_000, SEC));
    }
}
