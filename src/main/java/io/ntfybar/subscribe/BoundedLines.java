package io.ntfybar.subscribe;

import io.ntfybar.protocol.MessageCodec;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongConsumer;
import okio.BufferedSource;

/**
 * Reads {@code \n}-terminated lines from what a server sends, never holding more than about {@code maxLineBytes} of
 * one line in memory: a longer line is skipped in chunks as it arrives and reported, and reading goes on with the next
 * line. The one place that reads lines from a server, for the SSE streams ({@link SseReader}) and polls
 * ({@link Poller}) alike. Not thread-safe: one reader per response.
 */
final class BoundedLines {
    /**
     * The longest line, and the longest SSE event (its data lines together), read from a server. The codec refuses
     * longer input anyway, so nothing that could be decoded is lost.
     */
    static final int MAX_BYTES = MessageCodec.MAX_LINE_BYTES;

    /** Returned instead of a line that was longer than the limit (and has been skipped). */
    static final byte[] OVERSIZED = new byte[0];

    private static final byte NL = '\n';
    private static final int CHUNK = 64 * 1024;

    private final BufferedSource source;
    private final int maxLineBytes;
    private final LongConsumer onOversized;

    /** @param onOversized told how many bytes (at least) a skipped line had */
    BoundedLines(BufferedSource source, int maxLineBytes, LongConsumer onOversized) {
        this.source = source;
        this.maxLineBytes = maxLineBytes;
        this.onOversized = onOversized;
    }

    /**
     * The next line without its {@code \n} (and a {@code \r} before it), {@link #OVERSIZED} for a skipped line, or null
     * at the end. A last line without a newline is returned as it is; a caller that needs lines to be complete (SSE)
     * loses nothing by it, since only a blank line completes an event there.
     */
    byte[] next() throws IOException {
        long nl = source.indexOf(NL, 0, maxLineBytes + 2L);
        if (nl >= 0) {
            byte[] line = source.readByteArray(nl);
            source.skip(1);
            int len = line.length;
            return len > 0 && line[len - 1] == '\r' ? Arrays.copyOf(line, len - 1) : line;
        }
        long buffered = source.getBuffer().size();
        if (buffered <= maxLineBytes) {
            // indexOf stopped short of the limit, so the stream has ended: what is left is an unterminated last line.
            return buffered == 0 ? null : source.readByteArray();
        }
        skipLine();
        return OVERSIZED;
    }

    /** Skips the rest of an over-long line, chunk by chunk, up to and including its newline or the end. */
    private void skipLine() throws IOException {
        long skipped = 0;
        while (true) {
            long i = source.indexOf(NL, 0, CHUNK);
            if (i >= 0) {
                source.skip(i + 1);
                onOversized.accept(skipped + i);
                return;
            }
            long buffered = source.getBuffer().size();
            if (buffered == 0 && !source.request(1)) {
                onOversized.accept(skipped);
                return;
            }
            long n = Math.min(Math.max(buffered, 1), CHUNK);
            source.skip(n);
            skipped += n;
        }
    }
}
