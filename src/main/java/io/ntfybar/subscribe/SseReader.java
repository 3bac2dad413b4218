package io.ntfybar.subscribe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads Server-Sent Events from a byte stream, as ntfy writes them ({@code event:} and {@code data:} lines, a blank
 * line ends an event, {@code :} starts a comment). Works on bytes so that a line that is not valid UTF-8 reaches the
 * codec as it came and is refused there, and so that a hostile line longer than {@code maxLineBytes} is skipped
 * without being held in memory (okhttp-sse buffers any line whole). Not thread-safe: one reader per stream.
 */
final class SseReader {
    /** What the reader hands on. */
    interface Sink {
        /** One complete event's data (lines joined with {@code \n}); the SSE event name is deliberately not used. */
        void onData(byte[] data);

        /** A line longer than the limit was skipped; the stream goes on. */
        void onOversizedLine(long skippedAtLeast);
    }

    private static final byte NL = '\n';
    private static final int CHUNK = 64 * 1024;
    private static final byte[] OVERSIZED = new byte[0];

    private final BufferedSource source;
    private final int maxLineBytes;
    private final Sink sink;

    SseReader(BufferedSource source, int maxLineBytes, Sink sink) {
        this.source = source;
        this.maxLineBytes = maxLineBytes;
        this.sink = sink;
    }

    /** Reads until the stream ends (returns) or fails (throws, e.g. when the call is cancelled). */
    void readAll() throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean hasData = false;
        while (true) {
            byte[] line = readLine();
            if (line == null) {
                return; // an event not ended by a blank line is incomplete and dropped, as SSE requires
            }
            if (line == OVERSIZED) {
                data.reset();
                hasData = false;
                continue;
            }
            if (line.length == 0) {
                if (hasData) {
                    sink.onData(data.toByteArray());
                    data.reset();
                    hasData = false;
                }
            } else if (startsWith(line, "data")) {
                int from = valueStart(line, 4);
                if (from >= 0) {
                    if (hasData) {
                        data.write(NL);
                    }
                    data.write(line, from, line.length - from);
                    hasData = true;
                }
            }
            // "event:", "id:", "retry:", comments and unknown fields carry nothing ntfybar uses.
        }
    }

    private byte[] readLine() throws IOException {
        long nl = source.indexOf(NL, 0, maxLineBytes + 2L);
        if (nl >= 0) {
            byte[] line = source.readByteArray(nl);
            source.skip(1);
            int len = line.length;
            if (len > 0 && line[len - 1] == '\r') {
                return java.util.Arrays.copyOf(line, len - 1);
            }
            return line;
        }
        if (source.getBuffer().size() <= maxLineBytes) {
            return null; // the stream ended inside a line
        }
        long skipped = 0;
        while (true) {
            long i = source.indexOf(NL, 0, CHUNK);
            if (i >= 0) {
                source.skip(i + 1);
                sink.onOversizedLine(skipped + i);
                return OVERSIZED;
            }
            long buffered = source.getBuffer().size();
            if (buffered == 0 && !source.request(1)) {
                return null;
            }
            long n = Math.min(Math.max(buffered, 1), CHUNK);
            source.skip(n);
            skipped += n;
        }
    }

    private static boolean startsWith(byte[] line, String field) {
        if (line.length < field.length()) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (line[i] != field.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where the value of {@code field:value} starts (one optional space skipped), or -1 when it is another field. */
    private static int valueStart(byte[] line, int fieldLength) {
        if (line.length == fieldLength) {
            return fieldLength; // "data" alone: an empty data line
        }
        if (line[fieldLength] != ':') {
            return -1;
        }
        int from = fieldLength + 1;
        return from < line.length && line[from] == ' ' ? from + 1 : from;
    }
}
