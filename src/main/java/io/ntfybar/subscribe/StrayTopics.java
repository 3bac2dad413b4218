package io.ntfybar.subscribe;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.InputSnippet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which events of one stream or poll belong to the topics it asked for. A hostile or buggy server may send messages,
 * revisions or poll requests for other topics; they would otherwise be printed, stored under a subscription or
 * notified as if they were the subscription's own. Each stray topic is logged once, and at most {@link #MAX_WARNED}
 * of them, so that a server sending endless topics cannot flood the log. Thread-safe.
 */
final class StrayTopics {
    private static final Logger log = LoggerFactory.getLogger(StrayTopics.class);

    /** Stray topics remembered (and logged) per stream; beyond this, more are dropped without a word. */
    static final int MAX_WARNED = 32;

    private final Object where;
    private final Set<String> asked;
    private final Set<String> warned = new HashSet<>();

    /** @param where what the log line names (the stream's key) */
    StrayTopics(Object where, List<String> topics) {
        this.where = where;
        this.asked = Set.copyOf(topics);
    }

    /** Whether {@code event} may go on: an event that names a topic must name one of the asked topics. */
    boolean accepts(Message event) {
        switch (event.eventType()) {
            case MESSAGE, MESSAGE_CLEAR, MESSAGE_DELETE, POLL_REQUEST -> {
                if (event.topic() != null && asked.contains(event.topic())) {
                    return true;
                }
                warnOnce(event);
                return false;
            }
            default -> {
                // open and keepalive name all the stream's topics joined; they are not routed to a topic
                return true;
            }
        }
    }

    /** The events of {@code events} that {@link #accepts} lets through, in their order. */
    List<Message> filter(List<Message> events) {
        return events.stream().filter(this::accepts).toList();
    }

    private void warnOnce(Message event) {
        String topic = String.valueOf(event.topic());
        synchronized (warned) {
            if (warned.size() >= MAX_WARNED || !warned.add(topic)) {
                return;
            }
        }
        // The topic is the server's text: quoted and shortened, so it cannot forge log lines.
        log.warn(
                "{}: dropped a {} event for topic {}, which was not asked for (the server is sending other topics)",
                where,
                event.event(),
                InputSnippet.quote(topic));
    }
}
