package io.ntfybar.testserver;

import io.ntfybar.model.Message;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's state that outlives connections and restarts: cache, files and open subscribers, and the loop that
 * delivers scheduled messages when their time comes. Thread-safe.
 */
final class Hub {
    final TestServerConfig config;
    final MessageCache cache = new MessageCache();
    final AttachmentStore files = new AttachmentStore();
    final Publisher publisher;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    /** Keepalive events written and flushed to any stream, so that tests can wait for what a client has been sent. */
    final AtomicLong keepalivesSent = new AtomicLong();

    /**
     * How far the server's clock is ahead of the machine's (negative: behind). Every time the server stamps (messages,
     * open and keepalive events, {@code since} durations, scheduling) reads {@link #nowMillis}, as one ntfy process
     * reads its one clock.
     */
    private volatile long clockOffsetMillis;

    private volatile boolean holdScheduled;

    /** For each topic, the other topics whose messages its streams and polls also get (a misbehaving server). */
    private final java.util.Map<String, Set<String>> leaks = new java.util.concurrent.ConcurrentHashMap<>();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ntfy-test-server-scheduler");
        t.setDaemon(true);
        return t;
    });

    Hub(TestServerConfig config) {
        this.config = config;
        this.publisher = new Publisher(config, files, this::nowMillis);
        // ntfy checks every 10 s; faster here so that tests need not wait
        scheduler.scheduleWithFixedDelay(this::deliverDue, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Caches (unless {@code Cache: no}) and delivers (unless scheduled) a publication. */
    void accept(Publisher.Publication p) {
        Message m = p.message();
        if (m.sequenceId() != null) {
            cache.removeScheduled(m.topic(), m.sequenceId()); // a new revision replaces an undelivered one
        }
        if (p.cache()) {
            cache.add(m, !p.scheduled());
        }
        if (!p.scheduled()) {
            deliver(m);
        }
    }

    void deliver(Message m) {
        for (Subscriber s : subscribers) {
            s.offer(m);
        }
    }

    void register(Subscriber s) {
        subscribers.add(s);
    }

    void unregister(Subscriber s) {
        subscribers.remove(s);
    }

    List<Subscriber> subscribers() {
        return List.copyOf(subscribers);
    }

    void shutdown() {
        scheduler.shutdownNow();
    }

    long nowMillis() {
        return System.currentTimeMillis() + clockOffsetMillis;
    }

    void clockOffset(long millis) {
        clockOffsetMillis = millis;
    }

    /** Makes streams and polls of {@code into} also carry the messages of {@code stray}, with their own topic. */
    void leak(String stray, String into) {
        leaks.computeIfAbsent(into, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                .add(stray);
    }

    /** The topics a stream or poll of {@code topics} really gets: its own and those leaked into them. */
    Set<String> served(Set<String> topics) {
        Set<String> all = new java.util.LinkedHashSet<>(topics);
        topics.forEach(t -> all.addAll(leaks.getOrDefault(t, Set.of())));
        return all;
    }

    /** While held, scheduled messages stay undelivered even when their time has come. */
    void holdScheduled(boolean hold) {
        holdScheduled = hold;
    }

    private void deliverDue() {
        if (holdScheduled) {
            return;
        }
        for (Message m : cache.takeDue(nowMillis() / 1000)) {
            deliver(m);
        }
    }
}
