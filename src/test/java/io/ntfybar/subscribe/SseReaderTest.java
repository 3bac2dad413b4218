package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class SseReaderTest {
    private final List<String> events = new ArrayList<>();
    private final List<byte[]> raw = new ArrayList<>();
    private final List<Long> oversized = new ArrayList<>();

    private void read(byte[] input, int max) throws IOException {
        Buffer buffer = new Buffer().write(input);
        new SseReader(buffer, max, new SseReader.Sink() {
                    @Override
                    public void onData(byte[] data) {
                        raw.add(data);
                        events.add(new String(data, StandardCharsets.UTF_8));
                    }

                    @Override
                    public void onOversizedLine(long skipped) {
                        oversized.add(skipped);
                    }
                })
                .readAll();
    }

    private void read(String input) throws IOException {
        read(input.getBytes(StandardCharsets.UTF_8), 1024);
    }

    @Test
    void messageEventsHaveNoEventLineAndOthersDo() throws IOException {
        read("event: open\ndata: {\"event\":\"open\"}\n\ndata: {\"event\":\"message\"}\n\n"
                + "event: keepalive\ndata: {\"event\":\"keepalive\"}\n\n");
        assertEquals(List.of("{\"event\":\"open\"}", "{\"event\":\"message\"}", "{\"event\":\"keepalive\"}"), events);
    }

    @Test
    void commentsIdsRetriesAndCrLfAreHandled() throws IOException {
        read(": comment\r\nid: 7\r\nretry: 10\r\ndata:no-space\r\n\r\n");
        assertEquals(List.of("no-space"), events);
    }

    @Test
    void multipleDataLinesJoinWithNewline() throws IOException {
        read("data: a\ndata: b\n\n");
        assertEquals(List.of("a\nb"), events);
    }

    @Test
    void anEventNotEndedByABlankLineIsDropped() throws IOException {
        read("data: complete\n\ndata: cut off");
        assertEquals(List.of("complete"), events);
    }

    @Test
    void anOversizedLineIsSkippedAndTheNextEventStillArrives() throws IOException {
        byte[] big = ("data: " + "x".repeat(10_000) + "\n\ndata: next\n\n").getBytes(StandardCharsets.UTF_8);
        read(big, 1024);
        assertEquals(List.of("next"), events);
        assertEquals(1, oversized.size());
        assertTrue(oversized.get(0) > 1024);
    }

    @Test
    void bytesArePassedOnUndecodedSoInvalidUtf8ReachesTheCodec() throws IOException {
        byte[] input = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n', '\n'};
        read(input, 1024);
        assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0x28}, raw.get(0));
    }
}
