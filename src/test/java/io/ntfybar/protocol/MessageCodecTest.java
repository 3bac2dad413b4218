package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ntfybar.model.Action;
import io.ntfybar.model.ActionType;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // Example objects of ntfy-protocol.md (sections 1.3, 2.6 and 6), plus old 10-character ids and unknown names.
    static final String FULL_MESSAGE = "{\"id\":\"sPs71M8A2Tab\",\"time\":1643935928,\"expires\":1643979128,"
            + "\"event\":\"message\",\"topic\":\"mytopic\",\"title\":\"Unauthorized access detected\","
            + "\"message\":\"Movement detected\",\"priority\":5,\"tags\":[\"warning\",\"skull\"],"
            + "\"click\":\"https://homecam.mynet.lan/incident/1234\",\"attachment\":{\"name\":\"camera.jpg\","
            + "\"type\":\"image/png\",\"size\":33848,\"expires\":1643946728,"
            + "\"url\":\"https://ntfy.sh/file/sPs71M8A2Tab.png\"}}";
    static final String OPEN =
            "{\"id\":\"2pgIAaGrQ8ab\",\"time\":1638542215,\"event\":\"open\",\"topic\":\"phil_alerts\"}";
    static final String KEEPALIVE =
            "{\"id\":\"371sevb0pDab\",\"time\":1638542275,\"event\":\"keepalive\",\"topic\":\"phil_alerts\"}";
    static final String POLL_REQUEST = "{\"id\":\"x1y2z3a4b5c6\",\"time\":1638542275,\"event\":\"poll_request\","
            + "\"topic\":\"t\",\"message\":\"New message\",\"poll_id\":\"<id of original>\"}";
    static final String WITH_ACTIONS = "{\"id\":\"aBcDeFgHiJkL\",\"time\":1700000000,\"expires\":1700043200,"
            + "\"event\":\"message\",\"topic\":\"home\",\"message\":\"Door open\",\"icon\":\"https://x.org/i.png\","
            + "\"actions\":[{\"id\":\"a1b2c3d4e5\",\"action\":\"view\",\"label\":\"Open portal\",\"clear\":false,"
            + "\"url\":\"https://home.nest.com/\"},{\"id\":\"f6g7h8i9j0\",\"action\":\"http\",\"label\":\"Close\","
            + "\"clear\":true,\"url\":\"https://api.nest.com/door\",\"method\":\"PUT\",\"headers\":{\"X-Token\":\"t\"},"
            + "\"body\":\"close\"},{\"id\":\"k1l2m3n4o5\",\"action\":\"broadcast\",\"label\":\"Tell tasker\","
            + "\"clear\":false,\"intent\":\"io.heckel.ntfy.USER_ACTION\",\"extras\":{\"cmd\":\"door\"}}],"
            + "\"attachment\":{\"name\":\"Pink_flower.jpg\",\"url\":\"https://upload.wikimedia.org/f.jpg\"},"
            + "\"content_type\":\"text/markdown\",\"sequence_id\":\"door-1\"}";
    static final String COPY_ACTION = "{\"id\":\"cOpYcOpYcOpY\",\"time\":1700000001,\"event\":\"message\","
            + "\"topic\":\"otp\",\"message\":\"Code 1234\",\"actions\":[{\"id\":\"zzzzzzzzzz\",\"action\":\"copy\","
            + "\"label\":\"Copy\",\"clear\":true,\"value\":\"1234\"}]}";
    static final String DELETE = "{\"id\":\"dEl0dEl0dEl0\",\"time\":1700000100,\"event\":\"message_delete\","
            + "\"topic\":\"home\",\"sequence_id\":\"door-1\"}";
    static final String CLEAR = "{\"id\":\"cLr0cLr0cLr0\",\"time\":1700000200,\"event\":\"message_clear\","
            + "\"topic\":\"home\",\"sequence_id\":\"door-1\"}";
    static final String TEN_CHAR_ID = "{\"id\":\"hwQ2YpKdmg\",\"time\":1635528741,\"event\":\"message\","
            + "\"topic\":\"mytopic\",\"message\":\"Disk full\"}";
    static final String UNKNOWN_EVENT = "{\"id\":\"fOoBaRfOoBaR\",\"time\":1700000300,\"event\":\"foo_bar\","
            + "\"topic\":\"home\",\"shiny_new_field\":{\"x\":[1,2]}}";
    static final String UNKNOWN_ACTION = "{\"id\":\"lAuNcHlAuNcH\",\"time\":1700000400,\"event\":\"message\","
            + "\"topic\":\"home\",\"message\":\"m\",\"actions\":[{\"id\":\"q1q1q1q1q1\",\"action\":\"launch\","
            + "\"label\":\"Launch\",\"clear\":false,\"url\":\"app://rocket\"}]}";
    static final String BINARY = "{\"id\":\"uPuPuPuPuPuP\",\"time\":1700000500,\"event\":\"message\","
            + "\"topic\":\"up123456789012\",\"message\":\"AAEC/f7/\",\"encoding\":\"base64\"}";

    @ParameterizedTest
    @ValueSource(
            strings = {
                FULL_MESSAGE,
                OPEN,
                KEEPALIVE,
                POLL_REQUEST,
                WITH_ACTIONS,
                COPY_ACTION,
                DELETE,
                CLEAR,
                TEN_CHAR_ID,
                BINARY
            })
    void everyProtocolExampleRoundTripsToTheSameJson(String line) throws Exception {
        Message m = MessageCodec.decodeLine(line);
        String encoded = MessageCodec.encode(m);
        assertEquals(JSON.readTree(line), JSON.readTree(encoded));
        assertEquals(m, MessageCodec.decodeLine(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {UNKNOWN_EVENT, UNKNOWN_ACTION})
    void unknownNamesSurviveARoundTripWithoutTheirUnknownKeys(String line) {
        Message m = MessageCodec.decodeLine(line);
        assertEquals(m, MessageCodec.decodeLine(MessageCodec.encode(m)));
    }

    @Test
    void decodesEveryFieldOfAFullMessage() {
        Message m = MessageCodec.decodeLine(FULL_MESSAGE);
        assertEquals("sPs71M8A2Tab", m.id());
        assertEquals(1643935928L, m.time());
        assertEquals(1643979128L, m.expires());
        assertEquals(Event.MESSAGE, m.eventType());
        assertEquals("mytopic", m.topic());
        assertEquals("Unauthorized access detected", m.title());
        assertEquals("Movement detected", m.message());
        assertEquals(5, m.priority());
        assertEquals(List.of("warning", "skull"), m.tags());
        assertEquals("https://homecam.mynet.lan/incident/1234", m.click());
        assertEquals(
                new Attachment("camera.jpg", "image/png", 33848L, 1643946728L, "https://ntfy.sh/file/sPs71M8A2Tab.png"),
                m.attachment());
        assertNull(m.sequenceId());
        assertEquals("sPs71M8A2Tab", m.effectiveSequenceId());
    }

    @Test
    void decodesActionsExternalAttachmentMarkdownAndSequenceId() {
        Message m = MessageCodec.decodeLine(WITH_ACTIONS);
        assertEquals(3, m.actions().size());
        Action http = m.actions().get(1);
        assertEquals(ActionType.HTTP, http.type());
        assertEquals("PUT", http.method());
        assertEquals(Map.of("X-Token", "t"), http.headers());
        assertEquals("close", http.body());
        assertTrue(http.clear());
        assertEquals(ActionType.BROADCAST, m.actions().get(2).type());
        assertEquals(Map.of("cmd", "door"), m.actions().get(2).extras());
        assertEquals(
                new Attachment("Pink_flower.jpg", null, null, null, "https://upload.wikimedia.org/f.jpg"),
                m.attachment());
        assertTrue(m.isMarkdown());
        assertEquals("door-1", m.sequenceId());
        assertEquals("https://x.org/i.png", m.icon());
    }

    @Test
    void copyActionCarriesItsValue() {
        Action copy = MessageCodec.decodeLine(COPY_ACTION).actions().get(0);
        assertEquals(ActionType.COPY, copy.type());
        assertEquals("1234", copy.value());
    }

    @Test
    void deleteAndClearEventsCarryTheSequenceId() {
        assertEquals(Event.MESSAGE_DELETE, MessageCodec.decodeLine(DELETE).eventType());
        assertEquals(Event.MESSAGE_CLEAR, MessageCodec.decodeLine(CLEAR).eventType());
        assertEquals("door-1", MessageCodec.decodeLine(CLEAR).effectiveSequenceId());
    }

    @Test
    void pollRequestKeepsItsPollId() {
        Message m = MessageCodec.decodeLine(POLL_REQUEST);
        assertEquals(Event.POLL_REQUEST, m.eventType());
        assertEquals("<id of original>", m.pollId());
    }

    @Test
    void openAndKeepaliveAreDecodedWithTheirTopicList() {
        Message open =
                MessageCodec.decodeLine("{\"id\":\"2pgIAaGrQ8ab\",\"time\":1,\"event\":\"open\",\"topic\":\"t1,t2\"}");
        assertEquals(Event.OPEN, open.eventType());
        assertEquals("t1,t2", open.topic());
        assertEquals(Event.KEEPALIVE, MessageCodec.decodeLine(KEEPALIVE).eventType());
    }

    @Test
    void tenCharacterIdsAreAccepted() {
        assertEquals("hwQ2YpKdmg", MessageCodec.decodeLine(TEN_CHAR_ID).id());
    }

    @Test
    void unknownEventIsKeptWithItsRawName() {
        Message m = MessageCodec.decodeLine(UNKNOWN_EVENT);
        assertEquals(Event.UNKNOWN, m.eventType());
        assertEquals("foo_bar", m.event());
    }

    @Test
    void unknownActionTypeIsPreserved() {
        Action a = MessageCodec.decodeLine(UNKNOWN_ACTION).actions().get(0);
        assertEquals(ActionType.UNKNOWN, a.type());
        assertEquals("launch", a.action());
        assertEquals("app://rocket", a.url());
    }

    @Test
    void absentPriorityMeansDefault() {
        assertEquals(3, MessageCodec.decodeLine(TEN_CHAR_ID).priority());
        assertEquals(
                3,
                MessageCodec.decodeLine(
                                "{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"priority\":null}")
                        .priority());
    }

    @Test
    void priorityGivenAsDigitOrNameStringIsRead() {
        assertEquals(
                4,
                MessageCodec.decodeLine(
                                "{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"priority\":\"4\"}")
                        .priority());
        assertEquals(
                5,
                MessageCodec.decodeLine(
                                "{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"priority\":\"urgent\"}")
                        .priority());
    }

    @Test
    void unknownKeysAreIgnored() {
        Message m = MessageCodec.decodeLine(
                "{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"new\":[{\"deep\":true}],\"x\":1}");
        assertEquals(Message.simple("a", 1, "t", null, null), m);
    }

    @Test
    void missingTimeOnANonMessageEventIsZero() {
        assertEquals(
                0,
                MessageCodec.decodeLine("{\"id\":\"a\",\"event\":\"keepalive\",\"topic\":\"t\"}")
                        .time());
    }

    @Test
    void emptyStringsAndNullsCountAsAbsent() {
        Message m = MessageCodec.decodeLine("{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":\"t\","
                + "\"title\":\"\",\"click\":null,\"tags\":null,\"actions\":null,\"attachment\":null}");
        assertNull(m.title());
        assertNull(m.click());
        assertTrue(m.tags().isEmpty());
        assertTrue(m.actions().isEmpty());
        assertNull(m.attachment());
    }

    @Test
    void base64MessageIsExposedAsBytes() {
        Message m = MessageCodec.decodeLine(BINARY);
        assertTrue(m.isBinary());
        assertArrayEquals(
                new byte[] {0, 1, 2, (byte) 0xFD, (byte) 0xFE, (byte) 0xFF},
                m.binaryPayload().orElseThrow());
    }

    @Test
    void sseDataDecodesLikeAStreamLine() {
        assertEquals(MessageCodec.decodeLine(FULL_MESSAGE), MessageCodec.decodeSseData(FULL_MESSAGE));
        assertEquals(MessageCodec.decodeLine(OPEN), MessageCodec.decodeSseData(OPEN.replace(",", ",\n")));
    }

    @Test
    void utf8BytesWithTrailingNewlineDecode() {
        String line = "{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"message\":\"🇩🇪 grüße\"}\n";
        assertEquals(
                "🇩🇪 grüße",
                MessageCodec.decodeLine(line.getBytes(StandardCharsets.UTF_8)).message());
    }

    @Test
    void goStyleEscapedHtmlCharactersAreUnescaped() {
        Message m = MessageCodec.decodeLine("{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":\"t\","
                + "\"message\":\"\\u003cb\\u003e \\u0026\"}");
        assertEquals("<b> &", m.message());
    }

    @Test
    void encodeOmitsDefaultPriorityAndEmptyValuesLikeTheServer() throws Exception {
        JsonNode json = MessageCodec.toJson(Message.simple("abcdefghijkl", 5, "t", "", "hi"));
        assertEquals(
                JSON.readTree("{\"id\":\"abcdefghijkl\",\"time\":5,\"event\":\"message\",\"topic\":\"t\","
                        + "\"message\":\"hi\"}"),
                JSON.readTree(json.toString()));
    }
}
