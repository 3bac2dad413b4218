package io.ntfybar.testserver;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.TopicName;
import io.ntfybar.testsupport.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * An ntfy-compatible HTTP/1.1 server on 127.0.0.1 for tests: it behaves like ntfy v2.13 (plus sequence ids and the
 * {@code message_clear}/{@code message_delete} events of newer servers) as described in shared/ntfy-protocol.md, and
 * offers fault controls (dropped connections, stalls, raw bytes, error answers, restarts).
 *
 * <p>Every connection has its own platform thread; streams use chunked transfer encoding, so the bytes a client reads
 * are exactly the frames written. All public methods are thread-safe. {@link #close()} ends everything.
 */
public final class NtfyTestServer implements AutoCloseable {
    private final TestServerConfig config;
    private final Hub hub;
    private final TestAuth auth;
    private final Router router;
    private final StallGate gate = new StallGate();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final Object failLock = new Object();
    private int failCount;
    private int failStatus;
    private Duration failRetryAfter;
    private volatile ServerSocket serverSocket;
    private volatile int port;
    private volatile boolean closed;
    private javax.net.ssl.SSLContext tls;
    private boolean needClientAuth;

    private NtfyTestServer(TestServerConfig config) {
        this.config = config;
        this.hub = new Hub(config);
        this.auth = new TestAuth(config.authFailureBurst());
        this.router = new Router(hub, auth);
    }

    /** Starts a server with the defaults on an ephemeral port. */
    public static NtfyTestServer start() {
        return start(TestServerConfig.defaults());
    }

    public static NtfyTestServer start(TestServerConfig config) {
        NtfyTestServer s = new NtfyTestServer(config);
        s.bind(config.port());
        return s;
    }

    /** The same server over HTTPS, with the certificate and key that {@code tls} holds (see {@link TestTls}). */
    public static NtfyTestServer startTls(TestServerConfig config, javax.net.ssl.SSLContext tls) {
        NtfyTestServer s = new NtfyTestServer(config);
        s.tls = tls;
        s.bind(config.port());
        return s;
    }

    /**
     * Over HTTPS, and every connection must present a client certificate that {@code tls}'s trust manager accepts
     * (mutual TLS, as behind a reverse proxy with {@code ssl_verify_client on}); see {@link TestTls#mutual}.
     */
    public static NtfyTestServer startMutualTls(TestServerConfig config, javax.net.ssl.SSLContext tls) {
        NtfyTestServer s = new NtfyTestServer(config);
        s.tls = tls;
        s.needClientAuth = true;
        s.bind(config.port());
        return s;
    }

    /** {@code http://127.0.0.1:<port>} (https for {@link #startTls}), without a trailing slash. */
    public String baseUrl() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public TestServerConfig config() {
        return config;
    }

    @Override
    public void close() {
        closed = true;
        gate.set(false);
        closeListener();
        dropConnections();
        hub.shutdown();
    }

    // ---- publishing from the test itself

    /** Publishes in-process, as {@code PUT /<topic>} with this body; returns the message JSON (no newline). */
    public String publish(String topic, String message) {
        return publish(topic, message, Map.of());
    }

    /**
     * Publishes in-process with publish headers ({@code Title}, {@code X-Priority}, {@code In}, {@code X-Sequence-ID},
     * ...; any alias of protocol section 5.2), exactly as over HTTP but without authorisation.
     *
     * @throws IllegalArgumentException with ntfy's status, code and text when ntfy would refuse the publish
     */
    public String publish(String topic, String message, Map<String, String> headers) {
        TopicName.validate(topic);
        try {
            Publisher.Publication p = hub.publisher.publish(
                    topic,
                    new MapParams(headers),
                    message == null ? new byte[0] : message.getBytes(StandardCharsets.UTF_8),
                    null,
                    baseUrl());
            hub.accept(p);
            return MessageCodec.encode(p.message());
        } catch (HttpError e) {
            throw new IllegalArgumentException(e.status + " " + e.code + " " + e.getMessage(), e);
        }
    }

    /**
     * Caches {@code count} plain messages on a topic in one go and delivers them to open streams; the messages are
     * {@code messageText.apply(0..count-1)}, published now, in that order.
     */
    public void publishMany(String topic, int count, IntFunction<String> messageText) {
        TopicName.validate(topic);
        long now = hub.nowMillis() / 1000;
        List<Message> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(plain(topic, now, messageText.apply(i)));
        }
        hub.cache.addAll(batch);
        batch.forEach(hub::deliver);
    }

    /**
     * Caches and delivers a plain message stamped with {@code time} instead of the server's clock, as a server whose
     * clock jumped, or a hostile one, would send it. Returns the message JSON (no newline).
     */
    public String publishDated(String topic, String message, long time) {
        TopicName.validate(topic);
        Message m = plain(topic, time, message);
        hub.cache.addAll(List.of(m));
        hub.deliver(m);
        return MessageCodec.encode(m);
    }

    /** A plain message as this server caches it: stamped {@code time}, expiring with the cache. */
    private Message plain(String topic, long time, String text) {
        return new Message(
                Ids.message(),
                time,
                hub.nowMillis() / 1000 + config.cacheDuration().toSeconds(),
                "message",
                topic,
                null,
                text,
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

    /**
     * Sets the server's clock this far ahead of the machine's (negative: behind), from now on: what it publishes,
     * the open and keepalive events it stamps, and when scheduled messages fall due all follow it.
     */
    public void clockOffset(Duration offset) {
        hub.clockOffset(offset.toMillis());
    }

    /** The server's clock, in unix seconds. */
    public long nowSeconds() {
        return hub.nowMillis() / 1000;
    }

    // ---- auth

    /** Users, tokens and access rules; auth is off until {@link TestAuth#enable}. */
    public TestAuth auth() {
        return auth;
    }

    // ---- faults

    /** Closes every open client connection now (streams and idle keep-alive connections); the server keeps running. */
    public void dropConnections() {
        for (Subscriber s : hub.subscribers()) {
            s.close();
        }
        for (Socket s : List.copyOf(sockets)) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /**
     * While stalled, connections stay open but the server sends nothing at all (no answers, events or keepalives);
     * requests and publishes are still accepted and queued. Un-stalling sends what was held back.
     */
    public void stall(boolean stalled) {
        gate.set(stalled);
    }

    /** Connections that have something to send and are held back by {@link #stall} right now. */
    public int heldWriters() {
        return gate.held();
    }

    /**
     * Misbehaves from now on: streams and polls of {@code into} also carry the messages of {@code stray} (cached and
     * live), each with its own topic, as a hostile or buggy server could.
     */
    public void leakTopic(String stray, String into) {
        hub.leak(stray, into);
    }

    /** Writes these bytes, as they are, into every open subscriber stream (as one chunk, after queued events). */
    public void injectRaw(byte[] bytes) {
        for (Subscriber s : hub.subscribers()) {
            s.offerRaw(bytes);
        }
    }

    /**
     * Answers the next {@code count} requests with {@code status} (429 gives code 42901, 500 gives 50001) and, when
     * not null, a {@code Retry-After} header in whole seconds.
     */
    public void failNext(int count, int status, Duration retryAfterOrNull) {
        synchronized (failLock) {
            failCount = count;
            failStatus = status;
            failRetryAfter = retryAfterOrNull;
        }
    }

    /**
     * While held, scheduled messages are not delivered even when their time has come; lifting the hold delivers the
     * due ones at the next check. Lets a test decide who is connected when a scheduled message goes out.
     */
    public void holdScheduled(boolean hold) {
        hub.holdScheduled(hold);
    }

    /** Stops listening, drops every connection and listens again on the same port, with or without the cache. */
    public void restart(boolean keepCache) {
        closeListener();
        dropConnections();
        if (!keepCache) {
            hub.cache.clear();
            hub.files.clear();
        }
        bind(port);
    }

    // ---- observation

    /** Every request line received so far, in order, as {@code METHOD target}, e.g. {@code GET /t/json?since=all}. */
    public List<String> requestLines() {
        synchronized (requestLines) {
            return List.copyOf(requestLines);
        }
    }

    /** One request as received: its request line and headers (names lowercase). */
    public record Recorded(String line, Map<String, String> headers) {}

    /** Every request received so far, in order, with its headers. */
    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Subscriber streams currently open (registered for live messages). */
    public int openStreams() {
        return hub.subscribers().size();
    }

    /** Keepalive events flushed to subscriber streams since the server started, over all streams. */
    public long keepalivesSent() {
        return hub.keepalivesSent.get();
    }

    /** Scheduled messages not yet delivered. */
    public int scheduledMessages() {
        return hub.cache.undelivered();
    }

    /** Messages in the cache, scheduled ones included. */
    public int cachedMessages() {
        return hub.cache.size();
    }

    // ---- internals

    void recordRequest(String line, Map<String, String> headers) {
        requestLines.add(line);
        requests.add(new Recorded(line, headers));
    }

    void forget(Socket s) {
        sockets.remove(s);
    }

    /** The injected failure answer for this request, or null. */
    Response takeInjectedFailure() {
        synchronized (failLock) {
            if (failCount <= 0) {
                return null;
            }
            failCount--;
            HttpError e = failStatus == 429
                    ? HttpError.TOO_MANY_REQUESTS
                    : failStatus == 500 ? HttpError.INTERNAL : HttpError.of(failStatus, 0, "injected failure");
            Response r = Response.error(e);
            if (failRetryAfter != null) {
                r.header("Retry-After", Long.toString(failRetryAfter.toSeconds()));
            }
            return r;
        }
    }

    private void bind(int requestedPort) {
        try {
            ServerSocket ss = listen(requestedPort, tls);
            if (needClientAuth) {
                ((javax.net.ssl.SSLServerSocket) ss).setNeedClientAuth(true);
            }
            serverSocket = ss;
            port = ss.getLocalPort();
            Thread t = new Thread(() -> acceptLoop(ss), "ntfy-test-server-accept-" + port);
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + requestedPort, e);
        }
    }

    /**
     * Binds, retrying for a while: the JDK releases a closed listening socket only after its accept() call has
     * returned, so a restart may find the port still taken for a moment.
     */
    private static ServerSocket listen(int requestedPort, javax.net.ssl.SSLContext tls) throws IOException {
        if (requestedPort == 0) {
            return tryListen(0, tls).orElseThrow();
        }
        return Await.value(
                        "port " + requestedPort + " free to listen on again",
                        () -> tryListen(requestedPort, tls),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** A listening socket, or empty while the port is still taken (any other failure is thrown). */
    private static Optional<ServerSocket> tryListen(int requestedPort, javax.net.ssl.SSLContext tls)
            throws IOException {
        ServerSocket ss =
                tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        try {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 200);
            return Optional.of(ss);
        } catch (BindException e) {
            ss.close();
            if (requestedPort == 0) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed() && !closed) {
            try {
                Socket s = ss.accept();
                sockets.add(s);
                Thread t = new Thread(new HttpConnection(s, this, hub, router, gate), "ntfy-test-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void closeListener() {
        ServerSocket ss = serverSocket;
        if (ss != null) {
            try {
                ss.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
