package io.ntfybar.subscribe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads Server-Sent Events from a byte stream, as ntfy writes them ({@code event:} and {@code data:} lines, a blank
 * line ends an event, {@code :} starts a comment). Works on bytes so that a line that is not valid UTF-8 reaches the
 * codec as it came and is refused there. Memory is bounded twice: a hostile line longer than {@code maxBytes} is
 * skipped without being held ({@link BoundedLines}; okhttp-sse buffers any line whole), and so is an event whose data
 * lines together exceed {@code maxBytes}, since many short lines without a blank one would otherwise grow without end.
 * Not thread-safe: one reader per stream.
 */
final class SseReader {
    /** What the reader hands on. */
    interface Sink {
        /** One complete event's data (lines joined with {@code \n}); the SSE event name is deliberately not used. */
        void onData(byte[] data);

        /** A line longer than the limit was skipped; the stream goes on. */
        void onOversizedLine(long skippedAtLeast);

        /** An event whose data grew past the limit is being skipped up to its blank line; the stream goes on. */
        void onOversizedEvent(long bytesAtLeast);
    }

    private static final byte NL = '\n';

    private final BoundedLines lines;
    private final int maxBytes;
    private final Sink sink;

    /** @param maxBytes the longest line, and the most data of one event */
    SseReader(BufferedSource source, int maxBytes, Sink sink) {
        this.lines = new BoundedLines(source, maxBytes, sink::onOversizedLine);
        this.maxBytes = maxBytes;
        this.sink = sink;
    }

    /** Reads until the stream ends (returns) or fails (throws, e.g. when the call is cancelled). */
    void readAll() throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean hasData = false;
        boolean skipping = false;
        while (true) {
            byte[] line = lines.next();
            if (line == null) {
                return; // an event not ended by a blank line is incomplete and dropped, as SSE requires
            }
            if (line == BoundedLines.OVERSIZED) {
                data.reset();
                hasData = false;
                continue;
            }
            if (line.length == 0) {
                if (hasData && !skipping) {
                    sink.onData(data.toByteArray());
                }
                data.reset();
                hasData = false;
                skipping = false;
            } else if (!skipping && startsWith(line, "data")) {
                int from = valueStart(line, 4);
                if (from >= 0) {
                    long size = data.size() + (hasData ? 1L : 0L) + (line.length - from);
                    if (size > maxBytes) {
                        // The rest of this event's lines are dropped as they come, so the skip costs no memory.
                        data.reset();
                        skipping = true;
                        sink.onOversizedEvent(size);
                        continue;
                    }
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
