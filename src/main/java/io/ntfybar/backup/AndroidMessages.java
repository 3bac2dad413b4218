package io.ntfybar.backup;

import static io.ntfybar.backup.JsonFields.bool;
import static io.ntfybar.backup.JsonFields.integral;
import static io.ntfybar.backup.JsonFields.nonBlank;
import static io.ntfybar.backup.JsonFields.object;
import static io.ntfybar.backup.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ntfybar.model.Action;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import io.ntfybar.protocol.ActionJson;
import io.ntfybar.protocol.ProtocolException;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of the Android backup's {@code notifications} to a {@link Message} and back. Android keeps tags as one
 * comma-joined string, the icon and attachment as objects with the phone's own file ({@code contentUri}, never
 * used here), and every text field as "" when empty. Pure.
 */
final class AndroidMessages {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Longest values the store's columns hold; a longer one would fail its subscription's whole import. */
    private static final int MAX_ID = 64;

    private static final int MAX_SEQUENCE = 255;
    private static final int MAX_URL = 8192;
    private static final int MAX_SHORT = 64;

    /**
     * A notification read from the file.
     *
     * @param message the message, or null when it is skipped
     * @param skipped why the message is not imported, or null
     * @param partial what of an imported message was left out, or null
     */
    record Read(Message message, String skipped, String partial) {
        static Read skip(String why) {
            return new Read(null, why, null);
        }
    }

    private AndroidMessages() {}

    static Read read(JsonNode n, String topic) {
        if (!n.isObject()) {
            return Read.skip("not a JSON object");
        }
        if (Boolean.TRUE.equals(bool(n, "deleted"))) {
            return Read.skip("deleted on the phone");
        }
        String id = nonBlank(n, "id");
        if (id == null) {
            return Read.skip("without an id");
        }
        Long time = integral(n, "timestamp");
        if (time == null) {
            return Read.skip("without a timestamp");
        }
        String seq = nonBlank(n, "sequence_id");
        String click = nonBlank(n, "click");
        JsonNode iconNode = object(n, "icon");
        String icon = iconNode == null ? null : nonBlank(iconNode, "url");
        String contentType = nonBlank(n, "contentType");
        String encoding = nonBlank(n, "encoding");
        if (id.length() > MAX_ID
                || (seq != null && seq.length() > MAX_SEQUENCE)
                || tooLong(click, MAX_URL)
                || tooLong(icon, MAX_URL)
                || tooLong(contentType, MAX_SEQUENCE)
                || tooLong(encoding, MAX_SHORT)) {
            return Read.skip("an id, sequence id, URL or type longer than ntfy allows");
        }
        Long p = integral(n, "priority");
        int priority = p == null || p < Priority.MIN.level() || p > Priority.MAX.level()
                ? Priority.DEFAULT.level()
                : p.intValue();
        String partial = null;
        List<Action> actions = List.of();
        JsonNode actionNodes = n.get("actions");
        if (actionNodes != null && !actionNodes.isNull()) {
            try {
                actions = withoutMadeUpIds(ActionJson.readAll(actionNodes), id);
            } catch (ProtocolException e) {
                partial = "their action buttons could not be read and were left out";
            }
        }
        Attachment attachment = null;
        JsonNode a = object(n, "attachment");
        if (a != null) {
            String name = nonBlank(a, "name");
            String url = nonBlank(a, "url");
            if (name == null || url == null) {
                partial = "their attachment had no name or URL and was left out";
            } else {
                attachment =
                        new Attachment(name, nonBlank(a, "type"), integral(a, "size"), integral(a, "expires"), url);
            }
        }
        Message m = new Message(
                id,
                time,
                null,
                Event.MESSAGE.wireName(),
                topic,
                nonBlank(n, "title"),
                text(n, "message"),
                priority,
                tags(text(n, "tags")),
                click,
                icon,
                actions,
                attachment,
                null,
                contentType,
                encoding,
                seq == null || seq.equals(id) ? null : seq);
        return new Read(m, null, partial);
    }

    /** The message as an Android backup entry of the subscription with Android id {@code subscriptionId}. */
    static ObjectNode write(Message m, long subscriptionId) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", m.id());
        o.put("subscriptionId", subscriptionId);
        o.put("timestamp", m.time());
        o.put("sequence_id", m.effectiveSequenceId());
        o.put("title", orEmpty(m.title()));
        o.put("message", orEmpty(m.message()));
        o.put("contentType", orEmpty(m.contentType()));
        o.put("encoding", orEmpty(m.encoding()));
        o.put("priority", m.priority());
        o.put("tags", String.join(",", m.tags()));
        o.put("click", orEmpty(m.click()));
        if (m.icon() == null) {
            o.putNull("icon");
        } else {
            ObjectNode icon = o.putObject("icon");
            icon.put("url", m.icon());
            icon.putNull("contentUri");
        }
        if (m.actions().isEmpty()) {
            o.putNull("actions");
        } else {
            ArrayNode actions = o.putArray("actions");
            for (int i = 0; i < m.actions().size(); i++) {
                actions.add(action(m.actions().get(i), madeUpId(m.id(), i)));
            }
        }
        Attachment at = m.attachment();
        if (at == null) {
            o.putNull("attachment");
        } else {
            ObjectNode a = o.putObject("attachment");
            a.put("name", at.name());
            a.put("type", at.type());
            a.put("size", at.size());
            a.put("expires", at.expires());
            a.put("url", at.url());
            a.putNull("contentUri");
            a.put("progress", AndroidValues.ANDROID_NOT_DOWNLOADED);
        }
        o.put("deleted", false);
        return o;
    }

    /** Android needs an id on every action (it tracks each button's result by it) and reads each field by name. */
    private static ObjectNode action(Action a, String fallbackId) {
        ObjectNode o = ActionJson.write(a);
        if (a.id() == null || a.id().isEmpty()) {
            o.put("id", fallbackId);
        }
        for (String key :
                List.of("url", "method", "headers", "body", "intent", "extras", "value", "progress", "error")) {
            if (!o.has(key)) {
                o.putNull(key);
            }
        }
        return o;
    }

    /** The action id an export makes up for an action that had none: {@code <message id>-<position from 1>}. */
    private static String madeUpId(String messageId, int index) {
        return messageId + "-" + (index + 1);
    }

    /** Takes the ids {@link #write} made up back out, so that a round trip gives the same actions. */
    private static List<Action> withoutMadeUpIds(List<Action> actions, String messageId) {
        List<Action> out = new java.util.ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            out.add(
                    madeUpId(messageId, i).equals(a.id())
                            ? new Action(
                                    null,
                                    a.action(),
                                    a.label(),
                                    a.clear(),
                                    a.url(),
                                    a.method(),
                                    a.headers(),
                                    a.body(),
                                    a.intent(),
                                    a.extras(),
                                    a.value())
                            : a);
        }
        return out;
    }

    static List<String> tags(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static boolean tooLong(String s, int max) {
        return s != null && s.length() > max;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
