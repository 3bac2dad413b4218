package io.ntfybar.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sequence ids and the message_clear / message_delete events of newer ntfy servers (protocol section 2.6). */
class SequenceIdTest {
    private NtfyTestServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = NtfyTestServer.start(TestServerConfig.defaults().withKeepalive(Duration.ofSeconds(30)));
        client = new TestClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sequenceIdFromHeaderQueryAndPath() {
        assertEquals(
                "abc",
                client.publish("/t", "1", "X-Sequence-ID", "abc")
                        .path("sequence_id")
                        .asText());
        assertEquals(
                "def", client.publish("/t?sid=def", "2").path("sequence_id").asText());
        assertEquals("ghi", client.publish("/t/ghi", "3").path("sequence_id").asText());
        assertFalse(client.publish("/t", "4").has("sequence_id"));
        assertEquals(
                "jkl",
                client.publish("/", "{\"topic\":\"t\",\"message\":\"5\",\"sequence_id\":\"jkl\"}")
                        .path("sequence_id")
                        .asText());
        assertEquals(400, client.put("/t", "x", "X-Sequence-ID", "not valid!").statusCode());
    }

    @Test
    void clearAndDeleteEmitEvents() {
        client.publish("/t", "original", "X-Sequence-ID", "seq1");
        try (TestClient.Stream json = client.stream("/t/json");
                TestClient.Stream sse = client.stream("/t/sse")) {
            assertEquals("open", json.nextJson().path("event").asText());
            assertEquals("event: open", sse.next());
            sse.next();
            sse.next();
            HttpResponse<String> cleared = client.put("/t/seq1/clear", "");
            assertEquals(200, cleared.statusCode());
            JsonNode clear = json.nextJson();
            assertEquals("message_clear", clear.path("event").asText());
            assertEquals("seq1", clear.path("sequence_id").asText());
            assertEquals("t", clear.path("topic").asText());
            assertFalse(clear.has("message"));
            assertEquals("event: message_clear", sse.next());

            assertEquals(200, client.send("DELETE", "/t/seq1", null).statusCode());
            JsonNode delete = json.nextJson();
            assertEquals("message_delete", delete.path("event").asText());
            assertEquals("seq1", delete.path("sequence_id").asText());
        }
        List<JsonNode> polled = client.poll("/t/json?poll=1");
        assertEquals(
                List.of("message", "message_clear", "message_delete"),
                polled.stream().map(m -> m.path("event").asText()).toList());
        // filters apply to messages only
        assertEquals(2, client.poll("/t/json?poll=1&message=nothing-matches").size());
    }

    @Test
    void newRevisionReplacesScheduledMessage() {
        server.publish("t", "first", Map.of("In", "1h", "X-Sequence-ID", "s"));
        server.publish("t", "second", Map.of("In", "1h", "X-Sequence-ID", "s"));
        List<JsonNode> scheduled = client.poll("/t/json?poll=1&scheduled=1");
        assertEquals(List.of("second"), TestClient.texts(scheduled));
    }

    @Test
    void clearNeedsWritePermission() {
        server.auth().enable(TestAuth.Access.READ_ONLY);
        assertEquals(403, client.put("/t/seq1/clear", "").statusCode());
        assertTrue(server.requestLines().contains("PUT /t/seq1/clear"));
    }
}
