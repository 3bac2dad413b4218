package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A corpus of malformed input: each one gives a {@link MalformedEventException} with one short, exact sentence. */
class MalformedEventTest {
    private static final String HEAD =
            "{\"id\":\"abcdefghijkl\",\"time\":1700000000,\"event\":\"message\",\"topic\":\"t\"";

    /** A valid message event with one more field (or a replaced one: the last duplicate key wins in Jackson too). */
    private static String with(String field) {
        return HEAD + "," + field + "}";
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                // not JSON, not an object
                Arguments.of(
                        "{\"id\":\"a\",\"time\":1",
                        "stream line is not valid JSON: it ends before the object is complete"),
                Arguments.of("{\"id\":\"a\",", "stream line is not valid JSON: it ends before the object is complete"),
                Arguments.of("{", "stream line is not valid JSON: it ends before the object is complete"),
                Arguments.of("[{\"id\":\"a\"}]", "stream line is not a JSON object: it is a JSON array"),
                Arguments.of("\"hello\"", "stream line is not a JSON object: it is a JSON string"),
                Arguments.of("42", "stream line is not a JSON object: it is a number"),
                Arguments.of("null", "stream line is not a JSON object: it is null"),
                Arguments.of("true", "stream line is not a JSON object: it is a boolean"),
                Arguments.of("", "stream line is empty"),
                Arguments.of("  \r\n", "stream line is empty"),
                Arguments.of(
                        "<html><body><h1>502 Bad Gateway</h1></body></html>",
                        "stream line is not a JSON object: it starts with '<'"),
                Arguments.of("data: {\"id\":\"a\"}", "stream line is not a JSON object: it starts with 'd'"),
                Arguments.of(HEAD + "} {\"id\":\"b\"}", "stream line has more text after the JSON object"),
                Arguments.of(
                        "{id:\"a\"}",
                        "stream line is not valid JSON at character 2: Unexpected character "
                                + "('i' (code 105)): was expecting double-quote to start field name"),
                // required fields
                Arguments.of("{\"time\":1,\"event\":\"message\",\"topic\":\"t\"}", "field 'id' is missing"),
                Arguments.of("{\"id\":\"\",\"time\":1,\"event\":\"message\",\"topic\":\"t\"}", "field 'id' is empty"),
                Arguments.of(
                        "{\"id\":\"" + "x".repeat(65) + "\",\"time\":1,\"event\":\"open\",\"topic\":\"t\"}",
                        "field 'id' is too long (65 characters, at most 64)"),
                Arguments.of("{\"id\":\"a\",\"time\":1,\"topic\":\"t\"}", "field 'event' is missing"),
                Arguments.of("{\"id\":\"a\",\"time\":1,\"event\":\"message\"}", "field 'topic' is missing"),
                Arguments.of(
                        "{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":null}", "field 'topic' is missing"),
                Arguments.of(
                        "{\"id\":\"a\",\"event\":\"message\",\"topic\":\"t\"}",
                        "field 'time' is missing (a message must say when it was sent)"),
                // wrong types, field by field
                Arguments.of(
                        "{\"id\":12,\"time\":1,\"event\":\"message\",\"topic\":\"t\"}",
                        "field 'id' must be a string, got number 12"),
                Arguments.of(
                        "{\"id\":\"a\",\"time\":\"1643935928\",\"event\":\"message\",\"topic\":\"t\"}",
                        "field 'time' must be a number, got string '1643935928'"),
                Arguments.of(
                        "{\"id\":\"a\",\"time\":1.5,\"event\":\"message\",\"topic\":\"t\"}",
                        "field 'time' must be a whole number, got 1.5"),
                Arguments.of(
                        "{\"id\":\"a\",\"time\":-5,\"event\":\"message\",\"topic\":\"t\"}",
                        "field 'time' must not be negative, got -5"),
                Arguments.of(
                        "{\"id\":\"a\",\"time\":123456789012345678901234567890,\"event\":\"message\",\"topic\":\"t\"}",
                        "field 'time' is too large (123456789012345678901234567890)"),
                Arguments.of(with("\"expires\":\"soon\""), "field 'expires' must be a number, got string 'soon'"),
                Arguments.of(
                        "{\"id\":\"a\",\"time\":1,\"event\":7,\"topic\":\"t\"}",
                        "field 'event' must be a string, got number 7"),
                Arguments.of(
                        "{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":[\"a\",\"b\"]}",
                        "field 'topic' must be a string, got array"),
                Arguments.of(with("\"title\":42"), "field 'title' must be a string, got number 42"),
                Arguments.of(with("\"message\":{\"text\":\"hi\"}"), "field 'message' must be a string, got object"),
                Arguments.of(with("\"priority\":true"), "field 'priority' must be a number, got boolean true"),
                Arguments.of(with("\"priority\":0"), "field 'priority' must be 1 to 5, got 0"),
                Arguments.of(with("\"priority\":6"), "field 'priority' must be 1 to 5, got 6"),
                Arguments.of(with("\"priority\":-1"), "field 'priority' must be 1 to 5, got -1"),
                Arguments.of(with("\"priority\":4.5"), "field 'priority' must be a whole number from 1 to 5, got 4.5"),
                Arguments.of(with("\"priority\":\"seven\""), "field 'priority' must be 1 to 5, got string 'seven'"),
                Arguments.of(with("\"tags\":\"a,b\""), "field 'tags' must be a list of strings, got string 'a,b'"),
                Arguments.of(
                        with("\"tags\":[\"a\",1]"),
                        "field 'tags' must be a list of strings, but element 2 is number 1"),
                Arguments.of(with("\"click\":1"), "field 'click' must be a string, got number 1"),
                Arguments.of(with("\"icon\":true"), "field 'icon' must be a string, got boolean true"),
                Arguments.of(
                        with("\"actions\":{\"action\":\"view\"}"),
                        "field 'actions' is invalid: 'actions' must be a JSON array, not object"),
                Arguments.of(
                        with("\"actions\":[1]"),
                        "field 'actions' is invalid: an action must be a JSON object, not number"),
                Arguments.of(
                        with("\"actions\":[{\"label\":\"x\"}]"),
                        "field 'actions' is invalid: an action has no 'action' type"),
                Arguments.of(
                        with("\"attachment\":\"file.txt\""),
                        "field 'attachment' must be an object, got string 'file.txt'"),
                Arguments.of(with("\"attachment\":{\"name\":\"a\"}"), "field 'attachment.url' is missing"),
                Arguments.of(
                        with("\"attachment\":{\"name\":\"a\",\"url\":\"u\",\"size\":\"big\"}"),
                        "field 'attachment.size' must be a number, got string 'big'"),
                Arguments.of(
                        with("\"attachment\":{\"name\":\"a\",\"url\":\"u\",\"expires\":-1}"),
                        "field 'attachment.expires' must not be negative, got -1"),
                Arguments.of(
                        with("\"attachment\":{\"name\":3,\"url\":\"u\"}"),
                        "field 'attachment.name' must be a string, got number 3"),
                Arguments.of(with("\"poll_id\":1"), "field 'poll_id' must be a string, got number 1"),
                Arguments.of(with("\"content_type\":[]"), "field 'content_type' must be a string, got array"),
                Arguments.of(with("\"encoding\":false"), "field 'encoding' must be a string, got boolean false"),
                Arguments.of(with("\"sequence_id\":17"), "field 'sequence_id' must be a string, got number 17"),
                // content
                Arguments.of(
                        with("\"message\":\"not base64!\",\"encoding\":\"base64\""),
                        "field 'message' is not valid base64, although 'encoding' is 'base64' "
                                + "(Illegal base64 character 20)"),
                Arguments.of(
                        with("\"x\":" + "[".repeat(40) + "]".repeat(40)),
                        "stream line is nested too deeply (more than 32 levels)"),
                Arguments.of(
                        with("\"x\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)),
                        "stream line is nested too deeply (more than 32 levels)"));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void malformedLineGivesOneClearSentence(String line, String expected) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> MessageCodec.decodeLine(line));
        assertEquals(expected, e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void malformedLineFailsTheSameWayAsBytes(String line, String expected) {
        MalformedEventException e = assertThrows(
                MalformedEventException.class, () -> MessageCodec.decodeLine(line.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void sseDataErrorsSayTheyAreAboutSseData() {
        MalformedEventException e =
                assertThrows(MalformedEventException.class, () -> MessageCodec.decodeSseData("<html>"));
        assertEquals("SSE data is not a JSON object: it starts with '<'", e.getMessage());
    }

    @Test
    void tenMegabyteLineIsRefusedWithAShortMessage() {
        String line = "{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"message\":\""
                + "A".repeat(10 * 1024 * 1024) + "\"}";
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> MessageCodec.decodeLine(line));
        assertEquals("stream line is too long (" + line.length() + " bytes, at most 2097152)", e.getMessage());
        MalformedEventException b = assertThrows(
                MalformedEventException.class, () -> MessageCodec.decodeLine(line.getBytes(StandardCharsets.UTF_8)));
        assertEquals(e.getMessage(), b.getMessage());
    }

    @Test
    void tooLongLineIsMeasuredInUtf8Bytes() {
        String line = "{\"message\":\"" + "é".repeat(1024 * 1024 + 1) + "\"}";
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> MessageCodec.decodeLine(line));
        assertEquals(
                "stream line is too long (" + (line.length() * 2 - 14) + " bytes, at most 2097152)", e.getMessage());
    }

    @Test
    void longLineUnderTheLimitDecodes() {
        String title = "T".repeat(1_500_000);
        assertEquals(
                title,
                MessageCodec.decodeLine(with("\"title\":\"" + title + "\"")).title());
    }

    @Test
    void hugeUnquotedGarbageIsNotEchoed() {
        String garbage = "{\"id\":" + "x".repeat(100_000) + "}";
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> MessageCodec.decodeLine(garbage));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertTrue(e.getMessage().startsWith("stream line is not valid JSON at character 7: "), e.getMessage());
    }

    @Test
    void hugeWrongTypedValueIsCutInTheMessage() {
        MalformedEventException e = assertThrows(
                MalformedEventException.class,
                () -> MessageCodec.decodeLine(with("\"title\":[],\"time\":\"" + "9".repeat(5000) + "\"")));
        assertEquals("field 'time' must be a number, got string '" + "9".repeat(80) + "…'", e.getMessage());
    }

    @Test
    void invalidUtf8BytesAreReportedWithTheirPosition() {
        byte[] line = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}'};
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> MessageCodec.decodeLine(line));
        assertEquals("stream line is not valid UTF-8: byte 0xFF at position 7", e.getMessage());
    }

    @Test
    void truncatedUtf8SequenceAtTheEndIsReported() {
        byte[] line = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3};
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> MessageCodec.decodeLine(line));
        assertEquals("stream line is not valid UTF-8: byte 0xC3 at position 6", e.getMessage());
    }

    @Test
    void nullInputIsReported() {
        assertEquals(
                "stream line is missing",
                assertThrows(MalformedEventException.class, () -> MessageCodec.decodeLine((String) null))
                        .getMessage());
        assertEquals(
                "stream line is missing",
                assertThrows(MalformedEventException.class, () -> MessageCodec.decodeLine((byte[]) null))
                        .getMessage());
    }

    @Test
    void controlCharactersInQuotedInputAreMadeVisible() {
        MalformedEventException e = assertThrows(
                MalformedEventException.class,
                () -> MessageCodec.decodeLine(with("\"priority\":\"hi\\nthere\\u0007\"")));
        assertEquals("field 'priority' must be 1 to 5, got string 'hi\\nthere\\u0007'", e.getMessage());
    }
}
