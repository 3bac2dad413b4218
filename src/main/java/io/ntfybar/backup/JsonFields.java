package io.ntfybar.backup;

import com.fasterxml.jackson.databind.JsonNode;

/** Tolerant reads of one field of a JSON object: a missing, null or wrongly typed field reads as null. Pure. */
final class JsonFields {
    private JsonFields() {}

    static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** The text, or null when it is missing or blank. */
    static String nonBlank(JsonNode n, String key) {
        String s = text(n, key);
        return s == null || s.isBlank() ? null : s;
    }

    static Long integral(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : null;
    }

    static Boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isBoolean() ? v.booleanValue() : null;
    }

    /** Whether the field is there with a value other than null. */
    static boolean present(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && !v.isNull();
    }

    /** The array, or null when the field is missing or not an array. */
    static JsonNode array(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        return v != null && v.isArray() ? v : null;
    }

    static JsonNode object(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        return v != null && v.isObject() ? v : null;
    }
}
