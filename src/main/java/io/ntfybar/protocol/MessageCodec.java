package io.ntfybar.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ntfybar.model.Action;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Reads and writes ntfy stream objects (protocol sections 1, 2 and 7): one line of a {@code /json} stream, the
 * {@code data} of an {@code /sse} event, or a WebSocket text frame, to and from {@link Message}.
 *
 * <p>Tolerant where nothing is lost: unknown keys are ignored, unknown events and action types are kept as they
 * came, ids of any length up to {@value #MAX_ID_LENGTH} are accepted (ntfy sends 12, old docs show 10), an absent
 * priority is 3, a priority sent as a string ({@code "4"}, {@code "high"}) is read, empty strings count as absent
 * (the server omits them), and {@code time} may be missing on events other than {@code message} (it is then 0).
 *
 * <p>Strict where meaning would be lost: input that is not exactly one JSON object, a missing or empty {@code id},
 * {@code event} or {@code topic}, a {@code message} event without {@code time}, a field of the wrong type, a
 * priority outside 1..5, and a {@code base64}-encoded message that is not valid base64 each throw
 * {@link MalformedEventException} with one short sentence; input is never echoed beyond about 80 characters.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageCodec {
    /** Longer input is refused before parsing. ntfy messages are at most a few kilobytes. */
    public static final int MAX_LINE_BYTES = 2 * 1024 * 1024;
    /** Deeper JSON is refused; a ntfy event nests four levels (event, actions, action, headers). */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Longer ids are refused; ntfy's ids are 12 characters. */
    public static final int MAX_ID_LENGTH = 64;

    /** Jackson's own sentence is kept up to this length; it quotes at most a short token of the input. */
    private static final int JACKSON_DETAIL_CHARS = 120;

    private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_LINE_BYTES)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private MessageCodec() {}

    /** Decodes one line of a {@code /json} stream (or a WebSocket text frame); a trailing newline is allowed. */
    public static Message decodeLine(String line) {
        return decodeText(line, "stream line");
    }

    /** Decodes one line given as bytes; the bytes must be valid UTF-8. */
    public static Message decodeLine(byte[] line) {
        if (line == null) {
            throw new MalformedEventException("stream line is missing");
        }
        checkLength("stream line", line.length);
        return decodeText(utf8("stream line", line), "stream line");
    }

    /**
     * Decodes the {@code data} of one SSE event. ntfy sends one {@code data:} line per event; data spread over
     * several lines (joined with {@code \n}, as SSE readers do) is accepted too. Dispatch on the decoded
     * {@link Message#event()}, never on the SSE event name: ntfy sends no {@code event:} line for messages.
     */
    public static Message decodeSseData(String data) {
        return decodeText(data, "SSE data");
    }

    /** Decodes an already parsed JSON value; it must be an object. */
    public static Message decode(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new MalformedEventException("event is not a JSON object: it is " + EventFields.describe(json));
        }
        EventFields f = new EventFields(json, "");
        String id = f.requiredText("id");
        if (id.length() > MAX_ID_LENGTH) {
            throw f.error("is too long (" + id.length() + " characters, at most " + MAX_ID_LENGTH + ")", "id");
        }
        String event = f.requiredText("event");
        String topic = f.requiredText("topic");
        Long time = f.optionalCount("time");
        if (time == null && Event.MESSAGE.wireName().equals(event)) {
            throw f.error("is missing (a message must say when it was sent)", "time");
        }
        String message = f.optionalText("message");
        String encoding = f.optionalText("encoding");
        if (Message.BASE64.equals(encoding) && message != null) {
            checkBase64(f, message);
        }
        try {
            return new Message(
                    id,
                    time == null ? 0 : time,
                    f.optionalCount("expires"),
                    event,
                    topic,
                    f.optionalText("title"),
                    message,
                    f.priority("priority"),
                    f.textList("tags"),
                    f.optionalText("click"),
                    f.optionalText("icon"),
                    actions(f),
                    attachment(f),
                    f.optionalText("poll_id"),
                    f.optionalText("content_type"),
                    encoding,
                    f.optionalText("sequence_id"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("event is invalid: " + InputSnippet.shorten(e.getMessage()), e);
        }
    }

    /** Encodes a message as one line of JSON (no trailing newline), with ntfy's key order and omissions. */
    public static String encode(Message m) {
        return toJson(m).toString();
    }

    /**
     * The JSON object for a message, as ntfy writes it: keys in the server's order, empty values and the default
     * priority 3 omitted, so that {@code decode(toJson(m))} equals {@code m}.
     */
    public static ObjectNode toJson(Message m) {
        ObjectNode o = ActionJson.MAPPER.createObjectNode();
        o.put("id", m.id());
        o.put("time", m.time());
        if (m.expires() != null) {
            o.put("expires", m.expires());
        }
        o.put("event", m.event());
        o.put("topic", m.topic());
        putIfSet(o, "title", m.title());
        putIfSet(o, "message", m.message());
        if (m.priority() != Priority.DEFAULT.level()) {
            o.put("priority", m.priority());
        }
        if (!m.tags().isEmpty()) {
            m.tags().forEach(o.putArray("tags")::add);
        }
        putIfSet(o, "click", m.click());
        putIfSet(o, "icon", m.icon());
        if (!m.actions().isEmpty()) {
            o.set("actions", ActionJson.writeAll(m.actions()));
        }
        Attachment a = m.attachment();
        if (a != null) {
            ObjectNode ao = o.putObject("attachment");
            ao.put("name", a.name());
            putIfSet(ao, "type", a.type());
            if (a.size() != null) {
                ao.put("size", a.size());
            }
            if (a.expires() != null) {
                ao.put("expires", a.expires());
            }
            ao.put("url", a.url());
        }
        putIfSet(o, "poll_id", m.pollId());
        putIfSet(o, "content_type", m.contentType());
        putIfSet(o, "encoding", m.encoding());
        putIfSet(o, "sequence_id", m.sequenceId());
        return o;
    }

    private static Message decodeText(String text, String what) {
        if (text == null) {
            throw new MalformedEventException(what + " is missing");
        }
        if (text.length() > MAX_LINE_BYTES / 3) {
            checkLength(what, utf8Length(text));
        }
        String t = text.strip();
        if (t.isEmpty()) {
            throw new MalformedEventException(what + " is empty");
        }
        if (t.charAt(0) != '{') {
            throw new MalformedEventException(what + " is not a JSON object: " + notAnObject(t));
        }
        JsonNode node;
        try {
            node = READER.readTree(t);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(what + " " + parseProblem(e), e);
        }
        return decode(node);
    }

    private static String notAnObject(String t) {
        char c = t.charAt(0);
        if (c == '[') {
            return "it is a JSON array";
        } else if (c == '"') {
            return "it is a JSON string";
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            return "it is a number";
        } else if (t.equals("null")) {
            return "it is null";
        } else if (t.equals("true") || t.equals("false")) {
            return "it is a boolean";
        }
        return "it starts with " + InputSnippet.firstCharacter(t);
    }

    private static String parseProblem(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return "is not valid JSON: it ends before the object is complete";
        }
        if (e instanceof StreamConstraintsException
                && original.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")) {
            return "is nested too deeply (more than " + MAX_NESTING_DEPTH + " levels)";
        }
        if (original.contains("Trailing token")) {
            return "has more text after the JSON object";
        }
        String where = e.getLocation() == null
                ? ""
                : " at character " + e.getLocation().getColumnNr();
        return "is not valid JSON" + where + ": "
                + InputSnippet.shorten(original.lines().findFirst().orElse(""), JACKSON_DETAIL_CHARS);
    }

    private static void checkLength(String what, long bytes) {
        if (bytes > MAX_LINE_BYTES) {
            throw new MalformedEventException(
                    what + " is too long (" + bytes + " bytes, at most " + MAX_LINE_BYTES + ")");
        }
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static String utf8(String what, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new MalformedEventException(String.format(
                    "%s is not valid UTF-8: byte 0x%02X at position %d",
                    what, bytes[in.position()] & 0xFF, in.position()));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static void checkBase64(EventFields f, String message) {
        try {
            Base64.getDecoder().decode(message);
        } catch (IllegalArgumentException e) {
            throw f.error(
                    "is not valid base64, although 'encoding' is 'base64' (" + InputSnippet.shorten(e.getMessage())
                            + ")",
                    "message");
        }
    }

    private static List<Action> actions(EventFields f) {
        try {
            return ActionJson.readAll(f.raw("actions"));
        } catch (MalformedEventException e) {
            throw e;
        } catch (ProtocolException e) {
            throw f.error("is invalid: " + e.getMessage(), "actions");
        }
    }

    private static Attachment attachment(EventFields f) {
        JsonNode a = f.optionalObject("attachment");
        if (a == null) {
            return null;
        }
        EventFields af = new EventFields(a, "attachment.");
        String name = af.optionalText("name");
        return new Attachment(
                name == null ? "attachment" : name,
                af.optionalText("type"),
                af.optionalCount("size"),
                af.optionalCount("expires"),
                af.requiredText("url"));
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }
}
