package io.ntfybar.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads typed fields of one JSON object of a ntfy event, with errors that name the field ({@code field 'time' must
 * be a number, got string '12'}). A JSON {@code null} counts as absent. Empty strings count as absent too, because
 * the server omits empty strings. Not shared: one instance per object being read.
 */
final class EventFields {
    private final JsonNode node;
    private final String prefix;

    EventFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** A field that must be present as a non-empty string. */
    String requiredText(String key) {
        String s = optionalText(key);
        if (s == null) {
            JsonNode v = node.get(key);
            throw error(v == null || v.isNull() ? "is missing" : "is empty", key);
        }
        return s;
    }

    /** A string field; null when absent, JSON null or empty. */
    String optionalText(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(key, "a string", v);
        }
        String s = v.textValue();
        return s.isEmpty() ? null : s;
    }

    /** A whole, non-negative number that fits a long; null when absent or JSON null. */
    Long optionalCount(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(key, "a number", v);
        }
        if (!v.isIntegralNumber()) {
            throw error("must be a whole number, got " + InputSnippet.shorten(v.asText()), key);
        }
        if (!v.canConvertToLong()) {
            throw error(
                    "is too large (" + InputSnippet.shorten(v.bigIntegerValue().toString()) + ")", key);
        }
        long n = v.longValue();
        if (n < 0) {
            throw error("must not be negative, got " + n, key);
        }
        return n;
    }

    /**
     * The priority 1..5; 3 when absent. Also accepts the digits and names ntfy's publish API accepts as a string
     * ({@code "4"}, {@code "high"}): the meaning is unambiguous, and some relays stringify numbers.
     */
    int priority(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return 3;
        }
        int level;
        if (v.isIntegralNumber()) {
            BigInteger big = v.bigIntegerValue();
            if (big.compareTo(BigInteger.ONE) < 0 || big.compareTo(BigInteger.valueOf(5)) > 0) {
                throw error("must be 1 to 5, got " + InputSnippet.shorten(big.toString()), key);
            }
            level = big.intValue();
        } else if (v.isTextual()) {
            level = io.ntfybar.model.Priority.parse(v.textValue())
                    .orElseThrow(() -> error("must be 1 to 5, got string " + InputSnippet.quote(v.textValue()), key))
                    .level();
        } else if (v.isNumber()) {
            throw error("must be a whole number from 1 to 5, got " + InputSnippet.shorten(v.asText()), key);
        } else {
            throw wrongType(key, "a number", v);
        }
        return level;
    }

    /** A list of strings; empty when absent or JSON null. */
    List<String> textList(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrongType(key, "a list of strings", v);
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw error("must be a list of strings, but element " + (i + 1) + " is " + describe(e), key);
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** The object under {@code key}; null when absent or JSON null. */
    JsonNode optionalObject(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(key, "an object", v);
        }
        return v;
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    MalformedEventException error(String problem, String key) {
        return new MalformedEventException("field '" + prefix + key + "' " + problem);
    }

    private MalformedEventException wrongType(String key, String expected, JsonNode got) {
        return error("must be " + expected + ", got " + describe(got), key);
    }

    /** "string '12'", "number 12", "array", "object", "boolean true". */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String type = v.isNumber() ? "number" : v.getNodeType().name().toLowerCase(Locale.ROOT);
        if (v.isTextual()) {
            return type + " " + InputSnippet.quote(v.textValue());
        }
        if (v.isNumber() || v.isBoolean()) {
            return type + " " + InputSnippet.shorten(v.asText());
        }
        return type;
    }
}
