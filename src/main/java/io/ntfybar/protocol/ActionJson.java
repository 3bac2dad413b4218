package io.ntfybar.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ntfybar.model.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts actions between their JSON form (ntfy protocol section 6) and {@link Action}. Tolerant: unknown keys are
 * ignored, unknown action types kept, values of the wrong type read as text. Thread-safe.
 */
public final class ActionJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ActionJson() {}

    /** Reads one action object; throws {@link ProtocolException} when it is not an object or has no type. */
    public static Action read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ProtocolException("an action must be a JSON object, not " + describe(node));
        }
        String type = text(node, "action");
        if (type == null) {
            throw new ProtocolException("an action has no 'action' type");
        }
        String label = text(node, "label");
        return new Action(
                text(node, "id"),
                type.toLowerCase(Locale.ROOT),
                label == null ? "" : label,
                bool(node.get("clear")),
                text(node, "url"),
                upper(text(node, "method")),
                map(node.get("headers")),
                text(node, "body"),
                text(node, "intent"),
                map(node.get("extras")),
                text(node, "value"));
    }

    /** Reads a JSON array of actions, as in a message's {@code actions} field or an {@code Actions: [...]} header. */
    public static List<Action> readAll(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ProtocolException("'actions' must be a JSON array, not " + describe(node));
        }
        List<Action> out = new ArrayList<>(node.size());
        for (JsonNode n : node) {
            out.add(read(n));
        }
        return out;
    }

    /** Writes an action the way ntfy does: id (when set), action, label and clear always; the rest when present. */
    public static ObjectNode write(Action a) {
        ObjectNode o = MAPPER.createObjectNode();
        if (a.id() != null) {
            o.put("id", a.id());
        }
        o.put("action", a.action());
        o.put("label", a.label());
        o.put("clear", a.clear());
        putIfSet(o, "url", a.url());
        putIfSet(o, "method", a.method());
        if (!a.headers().isEmpty()) {
            ObjectNode h = o.putObject("headers");
            a.headers().forEach(h::put);
        }
        putIfSet(o, "body", a.body());
        putIfSet(o, "intent", a.intent());
        if (!a.extras().isEmpty()) {
            ObjectNode e = o.putObject("extras");
            a.extras().forEach(e::put);
        }
        putIfSet(o, "value", a.value());
        return o;
    }

    public static ArrayNode writeAll(List<Action> actions) {
        ArrayNode arr = MAPPER.createArrayNode();
        actions.forEach(a -> arr.add(write(a)));
        return arr;
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static boolean bool(JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText().trim().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("yes") || s.equals("1");
    }

    private static Map<String, String> map(JsonNode v) {
        if (v == null || !v.isObject()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.properties()
                .forEach(e -> out.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString()));
        return out;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
