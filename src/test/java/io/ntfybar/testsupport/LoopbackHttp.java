package io.ntfybar.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/** A JDK HTTP server on 127.0.0.1 (or another loopback address) for these tests: it records every request and answers as each path is told. */
public final class LoopbackHttp implements AutoCloseable {
    /** One request as it arrived; header names lowercased. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null ? null : String.join(",", v);
        }
    }

    /** How a path answers. */
    public interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final LinkedBlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public LoopbackHttp() {
        this(InetAddress.getLoopbackAddress());
    }

    /** A server on another loopback address (e.g. 127.0.0.2, which Linux answers too), so tests can tell two apart. */
    public LoopbackHttp(InetAddress address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        String host = server.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void on(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** Answers {@code path} with this status and body. */
    public void on(String path, int status, byte[] body, String contentType) {
        on(path, ex -> send(ex, status, body, contentType));
    }

    public static void send(HttpExchange ex, int status, byte[] body, String contentType) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean empty = body.length == 0 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    /** The next request that arrived, waiting for it ({@link Await}'s deadline; a failure names what was awaited). */
    public Recorded next() {
        return Await.value("a request to the loopback endpoint", requests::poll, java.util.Objects::nonNull);
    }

    /** Requests that arrived and were not taken with {@link #next()} yet. */
    public int pending() {
        return requests.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
        requests.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), headers, body));
        Answer a = answers.get(ex.getRequestURI().getRawPath());
        try {
            if (a == null) {
                send(ex, 200, new byte[0], null);
            } else {
                a.answer(ex);
            }
        } catch (IOException e) {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
