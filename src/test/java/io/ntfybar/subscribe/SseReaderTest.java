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
    private final List<Long> oversizedEvents = new ArrayList<>();

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

                    @Override
                    public void onOversizedEvent(long bytes) {
                        oversizedEvents.add(bytes);
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

    @Test
    void manyShortDataLinesOverTheLimitTogetherSkipTheEventAndTheNextStillArrives() throws IOException {
        // Each line fits, the event does not: without an event limit such a stream grows without end.
        String line = "data: " + "y".repeat(100) + "\n";
        read((line.repeat(50) + "\ndata: next\n\n").getBytes(StandardCharsets.UTF_8), 1024);
        assertEquals(List.of("next"), events);
        assertEquals(1, oversizedEvents.size(), "one report per skipped event");
        assertTrue(oversizedEvents.get(0) > 1024);
        assertEquals(List.of(), oversized, "no single line was too long");
    }

    @Test
    void anEventOfExactlyTheLimitIsDelivered() throws IOException {
        // 10 lines of 101 bytes joined by 9 newlines: 1,019 bytes, then one of 5 more makes 1,024.
        String line = "data: " + "z".repeat(101) + "\n";
        read((line.repeat(10) + "data: abcd\n\n").getBytes(StandardCharsets.UTF_8), 1024);
        assertEquals(1, events.size());
        assertEquals(1024, raw.get(0).length);
        assertEquals(List.of(), oversizedEvents);
    }
}
