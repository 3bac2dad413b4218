package io.ntfybar.notify;

import io.ntfybar.render.NotificationSpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Insistent priority-5 notifications (Android's "keep alerting"): shown again, with their sound, every
 * {@link NotificationService#INSISTENT_EVERY_SECONDS} for at most {@link NotificationService#INSISTENT_FOR_MINUTES},
 * until the user acts on them. Runs on the notification thread it is given.
 */
final class InsistentRepeats {
    private final ScheduledExecutorService thread;
    private final Map<String, ScheduledFuture<?>> running = new ConcurrentHashMap<>();
    private volatile long everyMillis = TimeUnit.SECONDS.toMillis(NotificationService.INSISTENT_EVERY_SECONDS);

    InsistentRepeats(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    /** For tests: repeat this often instead of every 30 s. */
    void setInterval(Duration every) {
        everyMillis = every.toMillis();
    }

    /**
     * Repeats what {@code current} answers (null once the notification is gone, which ends the repeats) through
     * {@code show}.
     */
    void start(String identity, Supplier<NotificationSpec> current, Consumer<NotificationSpec> show) {
        long every = everyMillis;
        AtomicLong left = new AtomicLong(TimeUnit.MINUTES.toMillis(NotificationService.INSISTENT_FOR_MINUTES) / every);
        stop(identity);
        ScheduledFuture<?> f = thread.scheduleAtFixedRate(
                () -> {
                    NotificationSpec spec = current.get();
                    if (spec == null || left.decrementAndGet() < 0) {
                        stop(identity);
                        return;
                    }
                    show.accept(spec);
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        running.put(identity, f);
    }

    void stop(String identity) {
        ScheduledFuture<?> f = running.remove(identity);
        if (f != null) {
            f.cancel(false);
        }
    }

    boolean isRunning(String identity) {
        return running.containsKey(identity);
    }
}
