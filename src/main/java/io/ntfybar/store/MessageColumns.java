package io.ntfybar.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.ActionJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps a {@link Message} to the columns of the {@code message} table and back, faithfully. Stateless. */
final class MessageColumns {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String NAMES = "id, time, expires, topic, title, body, priority, tags, click, icon, actions,"
            + " attachment, content_type, encoding, sequence_id";
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    static final int COUNT = 15;

    private MessageColumns() {}

    /** Binds the message's columns to parameters {@code first} .. {@code first + COUNT - 1}. */
    static void bind(PreparedStatement ps, int first, Message m) throws SQLException {
        int i = first;
        ps.setString(i++, m.id());
        ps.setLong(i++, m.time());
        setLong(ps, i++, m.expires());
        ps.setString(i++, m.topic());
        ps.setString(i++, m.title());
        ps.setString(i++, m.message());
        ps.setInt(i++, m.priority());
        ps.setString(i++, m.tags().isEmpty() ? null : write(JSON.valueToTree(m.tags())));
        ps.setString(i++, m.click());
        ps.setString(i++, m.icon());
        ps.setString(i++, m.actions().isEmpty() ? null : write(ActionJson.writeAll(m.actions())));
        ps.setString(i++, m.attachment() == null ? null : write(attachment(m.attachment())));
        ps.setString(i++, m.contentType());
        ps.setString(i++, m.encoding());
        ps.setString(i, m.effectiveSequenceId());
    }

    /** Reads the message from a row that selected {@link #NAMES} starting at column {@code first}. */
    static Message read(ResultSet rs, int first) throws SQLException {
        int i = first;
        String id = rs.getString(i++);
        long time = rs.getLong(i++);
        long expires = rs.getLong(i++);
        Long exp = rs.wasNull() ? null : expires;
        String topic = rs.getString(i++);
        String title = rs.getString(i++);
        String body = rs.getString(i++);
        int priority = rs.getInt(i++);
        List<String> tags = tags(rs.getString(i++));
        String click = rs.getString(i++);
        String icon = rs.getString(i++);
        String actions = rs.getString(i++);
        String attachment = rs.getString(i++);
        String contentType = rs.getString(i++);
        String encoding = rs.getString(i++);
        String seq = rs.getString(i);
        return new Message(
                id,
                time,
                exp,
                Event.MESSAGE.wireName(),
                topic,
                title,
                body,
                priority,
                tags,
                click,
                icon,
                actions == null ? List.of() : ActionJson.readAll(parse(actions)),
                attachment == null ? null : attachment(parse(attachment)),
                null,
                contentType,
                encoding,
                seq.equals(id) ? null : seq);
    }

    /** Lower-cased title, message and tags: what search matches against. */
    static String searchText(Message m) {
        StringBuilder sb = new StringBuilder();
        if (m.title() != null) {
            sb.append(m.title()).append('\n');
        }
        if (m.message() != null && !m.isBinary()) {
            sb.append(m.message()).append('\n');
        }
        sb.append(String.join(" ", m.tags()));
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static ObjectNode attachment(Attachment a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", a.name());
        if (a.type() != null) {
            o.put("type", a.type());
        }
        if (a.size() != null) {
            o.put("size", a.size());
        }
        if (a.expires() != null) {
            o.put("expires", a.expires());
        }
        o.put("url", a.url());
        return o;
    }

    private static Attachment attachment(JsonNode n) {
        return new Attachment(
                n.path("name").asText(),
                n.hasNonNull("type") ? n.get("type").asText() : null,
                n.hasNonNull("size") ? n.get("size").asLong() : null,
                n.hasNonNull("expires") ? n.get("expires").asLong() : null,
                n.path("url").asText());
    }

    private static List<String> tags(String json) throws SQLException {
        if (json == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        parse(json).forEach(t -> out.add(t.asText()));
        return out;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static String write(JsonNode n) {
        return n.toString();
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON is damaged: " + e.getOriginalMessage(), e);
        }
    }
}
