package io.ntfybar.subscribe;

import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.store.H2MessageStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream of the {@link ConnectionEngine}: some topics of one server, each message routed to its subscription by
 * the message's own topic. Called on OkHttp's threads; hands everything that needs the store or the engine's I/O
 * thread back through {@link Engine}.
 */
final class StreamGroup implements StreamConnection.Handler {
    private static final Logger log = LoggerFactory.getLogger(StreamGroup.class);

    /** What a stream needs from its engine. */
    interface Engine {
        /** Where the stream resumes for these subscriptions. */
        String since(List<Subscription> subs);

        /**
         * A message, clear or delete for this subscription, to the store writer, with the server's clock when it
         * arrived ({@link H2MessageStore#LOCAL_CLOCK} when the stream has not told it yet).
         */
        void store(Subscription sub, Message event, long serverClock);

        /** The server asked for a poll of this subscription. */
        void pollRequested(StreamGroup group, Subscription sub);

        /** The server refused the stream (401, 403, 404...). */
        void rejected(StreamGroup group, NtfyError error);

        void state(ConnectionState.Report report);
    }

    final AuthorizationHeader auth;
    final Duration keepalive;
    final StreamConnection stream;
    private final Engine engine;
    private volatile Map<String, Subscription> byTopic;
    /**
     * The {@code time} of the latest open or keepalive event: ntfy stamps them with its clock, which bounds how far a
     * stored message may move the resume point. The latest, not the largest: a server clock set back counts.
     */
    private volatile long serverClock = H2MessageStore.LOCAL_CLOCK;

    StreamGroup(
            OkHttpClient client,
            ScheduledExecutorService scheduler,
            EngineConfig config,
            ConnectionKey key,
            List<String> topics,
            Map<String, Subscription> all,
            AuthorizationHeader auth,
            Duration keepalive,
            Engine engine) {
        this.auth = auth;
        this.keepalive = keepalive;
        this.engine = engine;
        Map<String, Subscription> mine = new HashMap<>();
        topics.forEach(t -> mine.put(t, all.get(t)));
        this.byTopic = mine;
        this.stream = new StreamConnection(
                client, scheduler, key, topics, SubscribeQuery.live(), auth, config, keepalive, this);
    }

    /** The subscription of one of this stream's topics, or null. */
    Subscription subscription(String topic) {
        return byTopic.get(topic);
    }

    /** Newer settings of the subscriptions this stream carries (mute, names...); others are ignored. */
    void update(List<Subscription> subs) {
        Map<String, Subscription> mine = new HashMap<>(byTopic);
        subs.stream().filter(s -> mine.containsKey(s.topic())).forEach(s -> mine.put(s.topic(), s));
        byTopic = mine;
    }

    @Override
    public String since() {
        return engine.since(new ArrayList<>(byTopic.values()));
    }

    @Override
    public void onEvent(Message event) {
        switch (event.eventType()) {
            case MESSAGE, MESSAGE_CLEAR, MESSAGE_DELETE -> {
                Subscription sub = byTopic.get(event.topic());
                if (sub == null) {
                    log.debug("{}: event for a topic this stream does not carry: {}", stream.key(), event.topic());
                } else {
                    engine.store(sub, event, serverClock);
                }
            }
            case POLL_REQUEST -> {
                Subscription sub = byTopic.get(event.topic());
                if (sub != null) {
                    engine.pollRequested(this, sub);
                }
            }
            case OPEN, KEEPALIVE -> {
                // A server that sends no time tells nothing about its clock; the local one stands in.
                serverClock = event.time() > 0 ? event.time() : H2MessageStore.LOCAL_CLOCK;
            }
            case UNKNOWN -> log.debug("{}: ignored an event of unknown type '{}'", stream.key(), event.event());
            default -> {
                // nothing else is routed
            }
        }
    }

    @Override
    public void onState(ConnectionState state) {
        engine.state(new ConnectionState.Report(stream.key(), stream.topics(), state));
    }

    @Override
    public void onRejected(NtfyError error) {
        engine.rejected(this, error);
    }
}
