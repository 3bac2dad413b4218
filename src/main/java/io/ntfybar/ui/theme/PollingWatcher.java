package io.ntfybar.ui.theme;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a reader again every few seconds and reports a change. For platforms where the setting has no change signal
 * that is reachable without native code (macOS without JNA, Windows, GNOME without the portal). One short command
 * every few seconds costs little next to the JVM itself.
 */
final class PollingWatcher {
    private static final Logger log = LoggerFactory.getLogger(PollingWatcher.class);
    private final BooleanSupplier reader;
    private final Duration interval;
    private ScheduledExecutorService executor;

    PollingWatcher(BooleanSupplier reader, Duration interval) {
        this.reader = reader;
        this.interval = interval;
    }

    /** Starts polling (once; later calls add nothing); {@code onChange} runs on the polling thread. */
    synchronized void start(Runnable onChange) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ntfybar-theme-poll");
            t.setDaemon(true);
            return t;
        });
        boolean[] last = {reader.getAsBoolean()};
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        boolean now = reader.getAsBoolean();
                        if (now != last[0]) {
                            last[0] = now;
                            onChange.run();
                        }
                    } catch (RuntimeException e) {
                        // An exception would cancel the schedule silently; keep polling instead.
                        log.warn("Reacting to a change of the system's light/dark setting failed", e);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops polling and waits (at most 5 s) until a poll under way has ended, its command included. */
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
