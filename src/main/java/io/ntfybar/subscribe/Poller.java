package io.ntfybar.subscribe;

import io.ntfybar.model.Message;
import io.ntfybar.net.TrustException;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.MalformedEventException;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.NtfyUrls;
import io.ntfybar.protocol.StreamFormat;
import io.ntfybar.protocol.SubscribeQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot requests next to the streams: a poll of the server's cache ({@code /<topics>/json?poll=1}) and the
 * per-topic access check ({@code /<topic>/auth}). Blocking; call from a background thread. Thread-safe.
 */
public final class Poller {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    /** The server refused or failed a request; {@link #error} says why in a sentence. */
    public static final class PollException extends Exception {
        private final transient NtfyError error;

        PollException(NtfyError error, String message) {
            super(message);
            this.error = error;
        }

        /** The server's error, or null for a network failure. */
        public NtfyError error() {
            return error;
        }
    }

    private final java.util.function.Function<ConnectionKey, OkHttpClient> clients;

    public Poller(OkHttpClient client) {
        this(key -> client);
    }

    /** @param clients the client for a connection (its TLS trust may differ per server) */
    public Poller(java.util.function.Function<ConnectionKey, OkHttpClient> clients) {
        this.clients = clients;
    }

    /**
     * Every event the server returns for a poll, in its order. Malformed lines, lines longer than the codec accepts
     * (without holding them), and events for topics not among {@code topics} (see {@link StrayTopics}) are logged and
     * skipped.
     *
     * @param query should have {@code poll} set
     */
    public List<Message> poll(ConnectionKey key, AuthorizationHeader auth, List<String> topics, SubscribeQuery query)
            throws PollException {
        String url = NtfyUrls.stream(key.server(), topics, StreamFormat.JSON, query.withPoll(true));
        try (Response response =
                clients.apply(key).newCall(request(key, auth, url)).execute()) {
            check(response);
            List<Message> events = new ArrayList<>();
            BoundedLines lines = new BoundedLines(
                    response.body().source(),
                    BoundedLines.MAX_BYTES,
                    skipped -> log.warn("{}: skipped a polled line of more than {} bytes", key, skipped));
            for (byte[] line; (line = lines.next()) != null; ) {
                if (line.length == 0) {
                    continue; // blank, or the over-long line just skipped
                }
                try {
                    events.add(MessageCodec.decodeLine(line));
                } catch (MalformedEventException e) {
                    log.warn("{}: skipped a malformed polled event: {}", key, e.getMessage());
                }
            }
            return new StrayTopics(key, topics).filter(events);
        } catch (IOException e) {
            throw new PollException(null, "Cannot reach " + key.server() + ": " + StreamConnection.describe(e));
        } catch (TrustException e) {
            throw new PollException(null, e.getMessage());
        }
    }

    /**
     * Asks whether these credentials may read {@code topic}.
     *
     * @return the server's refusal, or null when reading is allowed
     */
    public NtfyError checkAccess(ConnectionKey key, AuthorizationHeader auth, String topic) throws PollException {
        String url = NtfyUrls.auth(key.server(), List.of(topic));
        try (Response response =
                clients.apply(key).newCall(request(key, auth, url)).execute()) {
            if (response.isSuccessful()) {
                return null;
            }
            NtfyError error = NtfyError.parse(
                    response.code(), response.peekBody(64 * 1024).string());
            if (error.isRetryable()) {
                throw new PollException(error, error.userMessage());
            }
            return error;
        } catch (IOException e) {
            throw new PollException(null, "Cannot reach " + key.server() + ": " + StreamConnection.describe(e));
        } catch (TrustException e) {
            throw new PollException(null, e.getMessage());
        }
    }

    private static void check(Response response) throws IOException, PollException {
        if (!response.isSuccessful()) {
            NtfyError error = NtfyError.parse(
                    response.code(), response.peekBody(64 * 1024).string());
            throw new PollException(error, error.userMessage());
        }
    }

    /** The request for {@code url}; the server's own headers are added by its client ({@code net.ServerClients}). */
    static Request request(ConnectionKey key, AuthorizationHeader auth, String url) {
        boolean inQuery = auth != null && key.authInQuery();
        Request.Builder b = new Request.Builder().url(inQuery ? NtfyUrls.withAuthParameter(url, auth) : url);
        if (auth != null && !inQuery) {
            b.header("Authorization", auth.value());
        }
        return b.build();
    }
}
