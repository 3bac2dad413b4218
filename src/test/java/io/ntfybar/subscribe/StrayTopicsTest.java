package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.protocol.MessageCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events of a stream or poll belong to its topics. */
class StrayTopicsTest {
    private final StrayTopics strays = new StrayTopics("test", List.of("alerts", "backups"));

    private static io.ntfybar.model.Message event(String type, String topic) {
        String topicField = ",\"topic\":\"" + topic + "\"";
        return MessageCodec.decodeLine(("{\"id\":\"x" + type.length() + "\",\"time\":1700000000,\"event\":\"" + type
                        + "\"" + topicField + ",\"message\":\"m\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void eventsOfTheAskedTopicsPass() {
        for (String type : List.of("message", "message_clear", "message_delete", "poll_request")) {
            assertTrue(strays.accepts(event(type, "alerts")), type);
            assertTrue(strays.accepts(event(type, "backups")), type);
        }
    }

    @Test
    void routedEventsOfOtherTopicsAreDropped() {
        for (String type : List.of("message", "message_clear", "message_delete", "poll_request")) {
            assertFalse(strays.accepts(event(type, "elsewhere")), type);
            assertFalse(strays.accepts(event(type, "Alerts")), "topics are case-sensitive: " + type);
        }
    }

    @Test
    void openAndKeepaliveNameTheJoinedTopicsAndPass() {
        assertTrue(strays.accepts(event("open", "alerts,backups")));
        assertTrue(strays.accepts(event("keepalive", "alerts,backups")));
    }

    @Test
    void filterKeepsTheOrderOfWhatPasses() {
        List<io.ntfybar.model.Message> kept = strays.filter(
                List.of(event("message", "backups"), event("message", "elsewhere"), event("message_clear", "alerts")));
        assertEquals(
                List.of("backups", "alerts"),
                kept.stream().map(io.ntfybar.model.Message::topic).toList());
    }
}
