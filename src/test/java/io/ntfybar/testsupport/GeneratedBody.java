package io.ntfybar.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * A response body made on demand from pieces, each a byte pattern repeated: hundreds of megabytes of hostile input
 * cost the test no memory, and the reader's own buffering can be observed ({@link #peakBuffered}), since a buffered
 * source hands this source its buffer to fill.
 */
public final class GeneratedBody implements Source {
    private record Piece(byte[] pattern, long length) {}

    private final List<Piece> pieces = new ArrayList<>();
    private int piece;
    private long offsetInPiece;
    private long peakBuffered;
    private Error error;

    public GeneratedBody text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public GeneratedBody bytes(byte[] b) {
        return repeat(b, b.length);
    }

    /** {@code pattern} over and over until {@code length} bytes (the last copy cut short). */
    public GeneratedBody repeat(byte[] pattern, long length) {
        if (length > 0) {
            pieces.add(new Piece(pattern, length));
        }
        return this;
    }

    public GeneratedBody repeat(String pattern, long length) {
        return repeat(pattern.getBytes(StandardCharsets.UTF_8), length);
    }

    /** After the pieces so far, reading throws this Error (as a reader running out of memory would see). */
    public GeneratedBody thenError(Error e) {
        this.error = e;
        return this;
    }

    /** The most bytes the reader held buffered, unread, when it asked for more. */
    public synchronized long peakBuffered() {
        return peakBuffered;
    }

    @Override
    public synchronized long read(Buffer sink, long byteCount) {
        peakBuffered = Math.max(peakBuffered, sink.size());
        if (piece >= pieces.size()) {
            if (error != null) {
                throw error;
            }
            return -1;
        }
        Piece p = pieces.get(piece);
        long n = Math.min(byteCount, p.length - offsetInPiece);
        long written = 0;
        while (written < n) {
            int from = (int) ((offsetInPiece + written) % p.pattern.length);
            int len = (int) Math.min(n - written, p.pattern.length - from);
            sink.write(p.pattern, from, len);
            written += len;
        }
        offsetInPiece += n;
        if (offsetInPiece == p.length) {
            piece++;
            offsetInPiece = 0;
        }
        return n;
    }

    @Override
    public Timeout timeout() {
        return Timeout.NONE;
    }

    @Override
    public void close() {}

    /**
     * A client that answers every request with 200 and the next body from {@code bodies}, without any network: the
     * readers under test get the bytes exactly as generated.
     */
    public static OkHttpClient client(Supplier<Source> bodies) {
        Interceptor answer = chain -> new Response.Builder()
                .request(chain.request())
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .body(ResponseBody.create(Okio.buffer(bodies.get()), MediaType.get("text/event-stream"), -1))
                .build();
        return new OkHttpClient.Builder().addInterceptor(answer).build();
    }
}
