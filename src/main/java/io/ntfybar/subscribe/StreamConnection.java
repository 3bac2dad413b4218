package io.ntfybar.subscribe;

import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.MalformedEventException;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.NtfyUrls;
import io.ntfybar.protocol.StreamFormat;
import io.ntfybar.protocol.SubscribeQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE stream ({@code /<t1,t2>/sse}) to one server, kept open for as long as it is wanted: it reconnects with
 * jittered backoff after every failure, resumes where its {@link Handler} says, and drops a stream that stays silent
 * longer than the server's keepalive allows (OkHttp's read timeout is off for streams; {@link #checkAlive} is the
 * watchdog). okhttp-sse does not reconnect and buffers hostile lines whole, so the framing is read here
 * ({@link SseReader}).
 *
 * <p>Threading: the stream is read on an OkHttp dispatcher thread, which calls the handler; retries run on the shared
 * scheduler. Public methods are thread-safe. A connection that was {@link #close closed} calls its handler no more.
 */
public final class StreamConnection {
    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);
    private static final Duration MAX_LEARNED_KEEPALIVE = Duration.ofMinutes(10);
    private static final Duration MIN_KEEPALIVE = Duration.ofSeconds(1);

    /** What a stream reports to its owner. Called on OkHttp or scheduler threads; must not block for long. */
    public interface Handler {
        /** The {@code since} of the next (re)connect, or null for none (only new messages). */
        String since();

        /** Every event decoded from the stream, in stream order, including open and keepalive. */
        void onEvent(Message event);

        /** The connection's state changed. */
        void onState(ConnectionState state);

        /**
         * The server refused the request for good (400, 401, 403, 404); the connection has stopped retrying. The
         * owner may find the culprit topics and open a new connection without them.
         */
        void onRejected(NtfyError error);
    }

    private final OkHttpClient client;
    private final ScheduledExecutorService scheduler;
    private final String baseUrlForLog;
    private final ConnectionKey key;
    private final List<String> topics;
    private final SubscribeQuery query;
    private final AuthorizationHeader auth;
    private final EngineConfig config;
    private final Duration configuredKeepalive;
    private final Handler handler;
    private final Backoff backoff;
    private final StrayTopics strays;

    private int generation;
    private boolean closed;
    private Call call;
    private ScheduledFuture<?> retry;
    private long lastHeardNanos;
    private long connectedAtNanos;
    private long lastKeepaliveNanos;
    private boolean heardKeepalive;
    private Duration assumedKeepalive;

    /**
     * @param topics the topics of this stream (already split to fit the request-line limit)
     * @param query filters; its {@code since} is replaced by the handler's on every connect
     * @param auth the Authorization header, or null for anonymous access
     * @param keepalive the server's keepalive interval from the settings, or null to learn it
     */
    public StreamConnection(
            OkHttpClient client,
            ScheduledExecutorService scheduler,
            ConnectionKey key,
            List<String> topics,
            SubscribeQuery query,
            AuthorizationHeader auth,
            EngineConfig config,
            Duration keepalive,
            Handler handler) {
        this.client = client;
        this.scheduler = scheduler;
        this.key = key;
        this.baseUrlForLog = key.toString();
        this.topics = List.copyOf(topics);
        this.query = query;
        this.auth = auth;
        this.config = config;
        this.configuredKeepalive = keepalive;
        this.assumedKeepalive = keepalive != null ? keepalive : config.defaultKeepalive();
        this.handler = handler;
        this.strays = new StrayTopics(baseUrlForLog, this.topics);
        this.backoff = new Backoff(
                config.firstRetry(),
                config.maxRetry(),
                config.rateLimitRetry(),
                config.maxRateLimitRetry(),
                Math::random);
    }

    public ConnectionKey key() {
        return key;
    }

    /** The client this stream connects with (the engine reconnects when a server's client is rebuilt). */
    OkHttpClient client() {
        return client;
    }

    public List<String> topics() {
        return topics;
    }

    /** Opens the stream. */
    public synchronized void start() {
        if (!closed) {
            connect();
        }
    }

    /** Closes the stream for good; no callback follows. */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            cancelCurrent();
        }
        handler.onState(new ConnectionState.Closed());
    }

    /** Drops the current stream (if any) and connects again at once, e.g. after the machine woke from sleep. */
    public synchronized void reconnectNow(String why) {
        if (closed) {
            return;
        }
        log.info("Reconnecting {} {}: {}", baseUrlForLog, topicsForLog(), why);
        connect();
    }

    /**
     * The watchdog: drops and reopens a stream that has heard nothing (not even a keepalive) for longer than the
     * server's keepalive allows. Called periodically by the owner.
     */
    public void checkAlive(long nowNanos) {
        synchronized (this) {
            if (closed || call == null) {
                return;
            }
            long silent = nowNanos - lastHeardNanos;
            long allowed = assumedKeepalive.toNanos() * config.keepaliveFactor();
            if (silent <= allowed) {
                return;
            }
            if (!heardKeepalive && configuredKeepalive == null) {
                // Maybe the server's keepalive is longer than assumed: allow more next time, up to a limit.
                Duration longer = assumedKeepalive.multipliedBy(2);
                assumedKeepalive = longer.compareTo(MAX_LEARNED_KEEPALIVE) > 0 ? MAX_LEARNED_KEEPALIVE : longer;
            }
            log.warn(
                    "{} {} was silent for {} s (allowed {} s); reconnecting",
                    baseUrlForLog,
                    topicsForLog(),
                    TimeUnit.NANOSECONDS.toSeconds(silent),
                    TimeUnit.NANOSECONDS.toSeconds(allowed));
            cancelCurrent();
            generation++;
            scheduleRetry(backoff.next(), "The server stopped answering.");
        }
    }

    private void connect() {
        cancelCurrent();
        int gen = ++generation;
        String url = NtfyUrls.stream(key.server(), topics, StreamFormat.SSE, query.withSince(handler.since()));
        Request request = Poller.request(key, auth, url)
                .newBuilder()
                .header("Accept", "text/event-stream")
                .build();
        lastHeardNanos = System.nanoTime();
        connectedAtNanos = 0;
        heardKeepalive = false;
        lastKeepaliveNanos = 0;
        handler.onState(new ConnectionState.Connecting());
        log.debug("Connecting {} {}", baseUrlForLog, topicsForLog());
        Call c = client.newCall(request);
        call = c;
        c.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                failed(gen, null, "Cannot reach the server: " + describe(e));
            }

            @Override
            public void onResponse(Call ok, Response response) {
                read(gen, response);
            }
        });
    }

    private void read(int gen, Response response) {
        try (response) {
            if (!response.isSuccessful()) {
                NtfyError error = NtfyError.parse(
                        response.code(), response.peekBody(64 * 1024).string());
                failed(gen, response, error);
                return;
            }
            synchronized (this) {
                if (gen != generation) {
                    return;
                }
                lastHeardNanos = connectedAtNanos = System.nanoTime();
            }
            handler.onState(new ConnectionState.Connected());
            log.info("Connected {} {}", baseUrlForLog, topicsForLog());
            new SseReader(response.body().source(), BoundedLines.MAX_BYTES, new SseReader.Sink() {
                        @Override
                        public void onData(byte[] data) {
                            event(gen, data);
                        }

                        @Override
                        public void onOversizedLine(long skipped) {
                            heard(gen);
                            log.warn("{}: skipped a stream line of more than {} bytes", baseUrlForLog, skipped);
                        }

                        @Override
                        public void onOversizedEvent(long bytes) {
                            heard(gen);
                            log.warn(
                                    "{}: skipped a stream event of more than {} bytes (at least {})",
                                    baseUrlForLog,
                                    BoundedLines.MAX_BYTES,
                                    bytes);
                        }
                    })
                    .readAll();
            failed(gen, null, "The server closed the stream.");
        } catch (IOException | RuntimeException e) {
            failed(gen, null, "The connection broke: " + describe(e));
        } catch (Error e) {
            // Thrown out of this callback, an Error would end up in OkHttp's thread with nobody left to reconnect the
            // stream. By now the response and whatever it filled are unreachable, so going on through the ordinary
            // back-off is the best chance of recovering.
            log.error(
                    "{} {}: reading the stream failed with {}; reconnecting",
                    baseUrlForLog,
                    topicsForLog(),
                    e.toString());
            failed(gen, null, "Reading the stream failed: " + describe(e));
        }
    }

    private void event(int gen, byte[] data) {
        Message event;
        try {
            event = MessageCodec.decodeLine(data);
        } catch (MalformedEventException e) {
            heard(gen);
            log.warn("{}: skipped a malformed event: {}", baseUrlForLog, e.getMessage());
            return;
        }
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            long now = System.nanoTime();
            lastHeardNanos = now;
            if (event.eventType() == Event.KEEPALIVE) {
                learnKeepalive(now);
            }
        }
        // Heard all the same (the stream is alive), but never handed on: no handler sees another topic's events.
        if (strays.accepts(event)) {
            handler.onEvent(event);
        }
    }

    private synchronized void heard(int gen) {
        if (gen == generation) {
            lastHeardNanos = System.nanoTime();
        }
    }

    private void learnKeepalive(long now) {
        if (configuredKeepalive == null && lastKeepaliveNanos != 0) {
            Duration seen = Duration.ofNanos(now - lastKeepaliveNanos);
            assumedKeepalive = seen.compareTo(MIN_KEEPALIVE) < 0 ? MIN_KEEPALIVE : seen;
        }
        heardKeepalive = true;
        lastKeepaliveNanos = now;
    }

    private void failed(int gen, Response response, String reason) {
        failed(gen, response, reason, null);
    }

    private void failed(int gen, Response response, NtfyError error) {
        failed(gen, response, error.userMessage(), error);
    }

    private void failed(int gen, Response response, String reason, NtfyError error) {
        NtfyError rejected = null;
        synchronized (this) {
            if (gen != generation || closed) {
                return;
            }
            call = null;
            long now = System.nanoTime();
            if (connectedAtNanos != 0
                    && now - connectedAtNanos >= config.stableAfter().toNanos()) {
                backoff.reset();
            }
            int status = response == null ? 0 : response.code();
            if (status == 429) {
                scheduleRetry(backoff.nextRateLimited(retryAfter(response)), reason);
            } else if (status == 400 || status == 401 || status == 403 || status == 404) {
                rejected = error;
                log.warn("{} {} refused ({}): {}", baseUrlForLog, topicsForLog(), status, reason);
            } else {
                scheduleRetry(backoff.next(), reason);
            }
        }
        if (rejected != null) {
            handler.onState(new ConnectionState.Failed(reason));
            handler.onRejected(rejected);
        }
    }

    private void scheduleRetry(Duration delay, String reason) {
        Instant at = Instant.now().plus(delay);
        log.info("{} {}: {} Retrying in {} ms", baseUrlForLog, topicsForLog(), reason, delay.toMillis());
        int gen = generation;
        try {
            scheduleRetry(delay, reason, at, gen);
        } catch (RejectedExecutionException e) {
            // The owner shut its timer down and is closing this stream too: there is nothing left to retry.
            log.debug("{} {}: not retrying, the engine is shutting down", baseUrlForLog, topicsForLog());
        }
    }

    private void scheduleRetry(Duration delay, String reason, Instant at, int gen) {
        retry = scheduler.schedule(
                () -> {
                    synchronized (this) {
                        if (gen == generation && !closed) {
                            connect();
                        }
                    }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
        // Reported after scheduling: the UI shows when the next attempt comes.
        scheduler.execute(() -> {
            synchronized (this) {
                if (gen != generation || closed) {
                    return;
                }
            }
            handler.onState(new ConnectionState.BackingOff(at, reason));
        });
    }

    private void cancelCurrent() {
        if (call != null) {
            call.cancel();
            call = null;
        }
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date; the default 429 delay is long enough
        }
    }

    private String topicsForLog() {
        return topics.size() <= 3 ? topics.toString() : "[" + topics.size() + " topics]";
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
