package io.ntfybar.publish;

import io.ntfybar.model.Message;
import io.ntfybar.model.PublishRequest;
import io.ntfybar.protocol.ActionSyntax;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.NtfyUrls;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.PublishBody;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.TopicName;
import io.ntfybar.protocol.TopicUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;

/**
 * Publishes messages to an ntfy server: as JSON to the server's root (every option, any text), or with a file
 * uploaded as the attachment ({@code PUT /<topic>}, the file streamed as the body and the options as headers, non-ASCII
 * values RFC 2047 encoded). Used by the Publish window, the subscribe window's test message and the CLI.
 *
 * <p>Threading: blocking; call it off the FX and AWT threads. Thread-safe.
 */
public final class Publisher {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");
    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    /** The longest text the server keeps as the message itself; longer bodies become an attachment. */
    public static final int MAX_TEXT_BYTES = 4096;

    private final OkHttpClient client;

    public Publisher(OkHttpClient client) {
        this.client = client;
    }

    /** Why a publish failed, as a sentence for the user; {@link #error()} holds the server's answer when there was one. */
    public static final class PublishException extends Exception {
        private final transient NtfyError error;

        PublishException(String sentence, NtfyError error, Throwable cause) {
            super(sentence, cause);
            this.error = error;
        }

        public Optional<NtfyError> error() {
            return Optional.ofNullable(error);
        }
    }

    /** Publishes as JSON; returns the message as the server stored it (its id, time, expiry). */
    public Message publish(ServerUrl server, Optional<AuthorizationHeader> auth, PublishRequest r)
            throws PublishException {
        String body;
        try {
            body = PublishBody.encode(r);
        } catch (ProtocolException e) {
            throw new PublishException(capitalized(e.getMessage()) + ".", null, e);
        }
        Request.Builder b = new Request.Builder()
                .url(NtfyUrls.jsonPublish(server))
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
        return send(server, auth, b);
    }

    /**
     * Publishes as JSON when the text fits (at most {@value #MAX_TEXT_BYTES} bytes, as the server keeps a message);
     * longer text is sent as the request body instead, which the server stores as a text attachment, as ntfy's own
     * CLI does.
     */
    public Message publishText(ServerUrl server, Optional<AuthorizationHeader> auth, PublishRequest r)
            throws PublishException {
        String text = r.message() == null ? "" : r.message();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_TEXT_BYTES) {
            return publish(server, auth, r);
        }
        return put(server, auth, r.withMessage(null), RequestBody.create(bytes, TEXT), r.filename());
    }

    /**
     * Uploads {@code file} as the message's attachment (named {@code r.filename()}, else the file's name), with the
     * request's other options as headers. The file is streamed, never read into memory.
     */
    public Message upload(ServerUrl server, Optional<AuthorizationHeader> auth, PublishRequest r, Path file)
            throws PublishException {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new PublishException("Cannot read the file " + file + " to attach.", null, null);
        }
        return put(
                server,
                auth,
                r,
                RequestBody.create(file.toFile(), OCTETS),
                r.filename() != null ? r.filename() : file.getFileName().toString());
    }

    /**
     * Uploads what {@code in} gives until its end (a pipe, stdin) as the attachment named {@code r.filename()}, else
     * {@code defaultName}, else (both null) the name the server gives it from its content, such as {@code
     * attachment.bin}; streamed with chunked transfer, never read into memory. {@code in} is not closed.
     */
    public Message upload(
            ServerUrl server, Optional<AuthorizationHeader> auth, PublishRequest r, InputStream in, String defaultName)
            throws PublishException {
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return OCTETS;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeAll(Okio.source(in));
            }
        };
        return put(server, auth, r, body, r.filename() != null ? r.filename() : defaultName);
    }

    /** {@code PUT /<topic>} with {@code body}, the request's options as headers. */
    private Message put(
            ServerUrl server, Optional<AuthorizationHeader> auth, PublishRequest r, RequestBody body, String filename)
            throws PublishException {
        String topic;
        try {
            topic = TopicName.validate(r.topic());
            if (!r.actions().isEmpty()) {
                ActionSyntax.validate(r.actions());
            }
        } catch (ProtocolException e) {
            throw new PublishException(capitalized(e.getMessage()) + ".", null, e);
        }
        Request.Builder b = new Request.Builder()
                .url(NtfyUrls.publish(new TopicUrl(server, topic)))
                .put(body);
        header(b, "X-Filename", filename);
        header(b, "X-Message", r.message());
        header(b, "X-Title", r.title());
        if (r.priority() != null) {
            header(b, "X-Priority", String.valueOf(r.priority().level()));
        }
        header(b, "X-Tags", r.tags().isEmpty() ? null : String.join(",", r.tags()));
        header(b, "X-Click", r.click());
        header(b, "X-Icon", r.icon());
        header(b, "X-Attach", r.attach());
        header(b, "X-Actions", r.actions().isEmpty() ? null : ActionSyntax.formatJson(r.actions()));
        header(b, "X-Markdown", r.markdown() ? "yes" : null);
        header(b, "X-Email", r.email());
        header(b, "X-Call", r.call());
        header(b, "X-Delay", r.delay());
        header(b, "X-Cache", r.cache() ? null : "no");
        header(b, "X-Firebase", r.firebase() ? null : "no");
        header(b, "X-Sequence-ID", r.sequenceId());
        return send(server, auth, b);
    }

    private Message send(ServerUrl server, Optional<AuthorizationHeader> auth, Request.Builder b)
            throws PublishException {
        auth.ifPresent(a -> b.header("Authorization", a.value()));
        try (Response res = client.newCall(b.build()).execute()) {
            String text = answer(res);
            if (!res.isSuccessful()) {
                NtfyError e = NtfyError.parse(res.code(), text == null ? "" : text);
                throw new PublishException(e.userMessage(), e, null);
            }
            if (text == null) {
                throw new PublishException(
                        server.shortForm() + " accepted the message but answered with more than "
                                + MessageCodec.MAX_LINE_BYTES + " bytes, which ntfybar does not read.",
                        null,
                        null);
            }
            return MessageCodec.decodeLine(text.strip());
        } catch (IOException e) {
            throw new PublishException(
                    "Could not reach " + server.shortForm() + ": " + e.getMessage()
                            + ". Check the server address and your connection.",
                    null,
                    e);
        } catch (ProtocolException e) {
            throw new PublishException(
                    server.shortForm() + " accepted the message but its answer could not be read: " + e.getMessage(),
                    null,
                    e);
        }
    }

    /**
     * The server's answer, or null when it is longer than the codec accepts: an answer is one JSON line, and a hostile
     * or broken server's endless one must not be read into memory.
     */
    private static String answer(Response res) throws IOException {
        BufferedSource source = res.body().source();
        if (source.request(MessageCodec.MAX_LINE_BYTES + 1L)) {
            return null;
        }
        return source.readUtf8();
    }

    /** Sets a header when the value is set; non-ASCII values as an RFC 2047 encoded word, which ntfy decodes. */
    static void header(Request.Builder b, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        b.header(name, encodeWord(value));
    }

    static String encodeWord(String value) {
        boolean ascii = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii
                ? value
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty()
                ? "The message is not valid"
                : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
