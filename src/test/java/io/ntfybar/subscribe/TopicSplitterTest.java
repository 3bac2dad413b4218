package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopicSplitterTest {
    @Test
    void fewTopicsStayInOneGroupInOrder() {
        assertEquals(List.of(List.of("a", "b", "c")), TopicSplitter.split(List.of("a", "b", "c"), "", 4096));
    }

    @Test
    void thousandLongTopicsSplitUnderTheLimitWithoutLosingAny() {
        List<String> topics = IntStream.range(0, 1000)
                .mapToObj(i -> String.format("topic-%04d-%s", i, "x".repeat(30)))
                .toList();
        List<List<String>> groups = TopicSplitter.split(topics, "/ntfy", 4096);
        assertTrue(groups.size() > 1, "1000 topics of 41 characters need several connections");
        List<String> all = new ArrayList<>();
        for (List<String> g : groups) {
            int pathLength = "/ntfy/".length() + String.join(",", g).length() + "/sse?since=1700000000".length();
            assertTrue(pathLength + "GET  HTTP/1.1".length() <= 4096, "request line too long: " + pathLength);
            all.addAll(g);
        }
        assertEquals(topics, all);
    }

    @Test
    void aLimitWithNoRoomForTopicsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TopicSplitter.split(List.of("a"), "", 100));
    }
}
