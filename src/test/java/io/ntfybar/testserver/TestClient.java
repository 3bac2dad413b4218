package io.ntfybar.testserver;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ntfybar.testsupport.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain java.net.http client for the server tests (not the project's client code). */
final class TestClient {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Await.DEFAULT_DEADLINE)
            .build();
    private final String baseUrl;

    TestClient(NtfyTestServer server) {
        this.baseUrl = server.baseUrl();
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Await.DEFAULT_DEADLINE)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendBytes(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Await.DEFAULT_DEADLINE)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    HttpResponse<String> put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    /** Publishes and returns the message JSON; fails the test unless the answer is 200. */
    JsonNode publish(String path, String body, String... headers) {
        HttpResponse<String> r = put(path, body, headers);
        if (r.statusCode() != 200) {
            throw new AssertionError("publish answered " + r.statusCode() + ": " + r.body());
        }
        return json(r.body());
    }

    /** A poll's messages (one JSON object per line). */
    List<JsonNode> poll(String path, String... headers) {
        HttpResponse<String> r = get(path, headers);
        if (r.statusCode() != 200) {
            throw new AssertionError("poll answered " + r.statusCode() + ": " + r.body());
        }
        return lines(r.body());
    }

    static List<JsonNode> lines(String body) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                out.add(json(line));
            }
        }
        return out;
    }

    static JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    static List<String> texts(List<JsonNode> messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.path("message").asText()));
        return out;
    }

    /** Opens a live stream; its lines are read on a background thread. */
    Stream stream(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Stream(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An open stream; {@link #next} returns the next line (without its newline), or null at the end. */
    static final class Stream implements AutoCloseable {
        private static final String END = new String("<end>");
        final HttpResponse<InputStream> response;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Stream(HttpResponse<InputStream> response) {
            this.response = response;
            Thread t = new Thread(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // closed
                }
                lines.add(END);
            });
            t.setDaemon(true);
            t.start();
        }

        /** The next line within the timeout; fails the test on timeout; null when the stream ended. */
        String next(Duration timeout) {
            try {
                String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                assertNotNull(line, "no line within " + timeout);
                return line == END ? null : line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String next() {
            return next(Await.DEFAULT_DEADLINE);
        }

        JsonNode nextJson() {
            String line = next();
            assertNotNull(line, "stream ended");
            return json(line);
        }

        /** A line if one arrives within the timeout, else null (no failure). */
        String poll(Duration timeout) {
            try {
                String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return line == END ? null : line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
