package io.ntfybar.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error answer of a ntfy server (protocol section 4.3): {@code {"code":40008,"http":400,"error":"invalid since
 * parameter","link":"…"}}, or whatever a proxy in front of it sent. Immutable and thread-safe.
 *
 * @param status the HTTP status of the response (authoritative; the body's {@code http} is only a copy)
 * @param code ntfy's five-digit error code, or null when the body had none
 * @param error ntfy's error text without its detail, or null
 * @param detail the part after {@code "; "} in ntfy's error text (e.g. {@code only 3 actions allowed}), or null
 * @param link ntfy's documentation link, or null
 * @param fromNtfy false when the body was empty or not a ntfy error object (e.g. an HTML page from a proxy)
 */
public record NtfyError(int status, Integer code, String error, String detail, String link, boolean fromNtfy) {
    private static final int MAX_BODY_CHARS = 64 * 1024;

    /**
     * Reads an error body. Never throws: an empty body, HTML or broken JSON gives an error with only the status,
     * and fields of the wrong type are ignored.
     */
    public static NtfyError parse(int status, String body) {
        String s = body == null ? "" : body.strip();
        if (s.isEmpty() || s.charAt(0) != '{' || s.length() > MAX_BODY_CHARS) {
            return new NtfyError(status, null, null, null, null, false);
        }
        JsonNode node;
        try {
            node = ActionJson.MAPPER.readTree(s);
        } catch (Exception e) {
            return new NtfyError(status, null, null, null, null, false);
        }
        if (node == null || !node.isObject()) {
            return new NtfyError(status, null, null, null, null, false);
        }
        JsonNode c = node.get("code");
        Integer code = c != null && c.isInt() && c.intValue() > 0 ? c.intValue() : null;
        String text = textOrNull(node.get("error"));
        String error = text;
        String detail = null;
        if (text != null) {
            int semi = text.indexOf("; ");
            if (semi >= 0) {
                error = text.substring(0, semi);
                detail = text.substring(semi + 2);
            }
        }
        boolean ntfy = code != null || text != null;
        return new NtfyError(status, code, error, detail, textOrNull(node.get("link")), ntfy);
    }

    /**
     * One or two sentences for the user: what failed and what to do. They never contain credentials, and text from
     * the server in them is cut short.
     */
    public String userMessage() {
        return ErrorAdvice.sentence(this);
    }

    /** True for a wrong login (401): asking for credentials again may help. */
    public boolean isWrongCredentials() {
        return status == 401 || (code != null && code == 40101);
    }

    /** True for no permission (403); for an anonymous request it means the topic needs a login. */
    public boolean isForbidden() {
        return status == 403 || (code != null && code == 40301);
    }

    /** True when the same request may succeed later: rate limits (429) and server or proxy trouble (5xx). */
    public boolean isRetryable() {
        return status == 429 || status >= 500;
    }

    private static String textOrNull(JsonNode v) {
        return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
    }
}
