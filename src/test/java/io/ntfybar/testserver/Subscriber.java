package io.ntfybar.testserver;

import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One open subscriber stream. Publishers {@link #offer} messages (never blocking); the connection's own thread
 * {@link #pump}s them to the socket, so a stalled or slow client never holds up a publisher. Thread-safe.
 */
final class Subscriber {
    private static final Object CLOSE = new Object();

    final Set<String> topics;
    final Framing framing;
    final SubscribeParams params;
    /** The topic segment of the request path as given, e.g. {@code a,b}: the topic of open and keepalive events. */
    final String rawTopics;

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private final LongSupplier clockMillis;

    /** @param clockMillis the server's clock, which stamps open and keepalive events as ntfy does */
    Subscriber(
            Set<String> topics, Framing framing, SubscribeParams params, String rawTopics, LongSupplier clockMillis) {
        this.topics = topics;
        this.clockMillis = clockMillis;
        this.rawTopics = rawTopics;
        this.framing = framing;
        this.params = params;
    }

    /** Queues a live message if it is on one of this stream's topics and passes its filters. */
    void offer(Message m) {
        if (!closed && topics.contains(m.topic()) && params.passes(m)) {
            queue.add(m);
        }
    }

    /** Queues bytes to be written to the stream as they are (fault injection). */
    void offerRaw(byte[] bytes) {
        if (!closed) {
            queue.add(bytes.clone());
        }
    }

    /** An open or keepalive event for this stream. */
    Message control(Event event) {
        return new Message(
                Ids.message(),
                clockMillis.getAsLong() / 1000,
                null,
                event.wireName(),
                rawTopics,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    void close() {
        closed = true;
        queue.add(CLOSE);
    }

    boolean closed() {
        return closed;
    }

    /**
     * Writes queued events until the stream is closed or the client goes away, and a keepalive event every keepalive
     * interval whether or not messages flowed (as ntfy's ticker does).
     */
    void pump(ChunkedOutput out, StallGate gate, long keepaliveMillis, Runnable keepaliveSent)
            throws IOException, InterruptedException {
        List<Object> batch = new ArrayList<>();
        long nextKeepalive = System.currentTimeMillis() + keepaliveMillis;
        while (!closed) {
            long wait = nextKeepalive - System.currentTimeMillis();
            Object first = wait > 0 ? queue.poll(wait, TimeUnit.MILLISECONDS) : null;
            gate.pass(this::closed);
            if (closed) {
                return;
            }
            if (first == null) {
                out.write(framing.frame(control(Event.KEEPALIVE)));
                out.flush();
                keepaliveSent.run();
                nextKeepalive = System.currentTimeMillis() + keepaliveMillis;
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, 10_000);
            for (Object item : batch) {
                if (item == CLOSE) {
                    out.flush();
                    return;
                }
                out.write(item instanceof byte[] ? (byte[]) item : framing.frame((Message) item));
            }
            out.flush();
        }
    }
}
