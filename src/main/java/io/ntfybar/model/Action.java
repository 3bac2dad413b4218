package io.ntfybar.model;

import java.util.Map;
import java.util.Objects;

/**
 * One action button of a message (ntfy protocol section 6).
 *
 * @param id server-assigned id (may be null in actions written by this client)
 * @param action the type as sent on the wire, lowercased (kept even when unknown)
 * @param label button label, never null
 * @param clear dismiss the notification after the action succeeded
 * @param url for view and http
 * @param method for http; null means POST
 * @param headers for http; never null
 * @param body for http
 * @param intent for broadcast
 * @param extras for broadcast; never null
 * @param value for copy: the text put on the clipboard
 */
public record Action(
        String id,
        String action,
        String label,
        boolean clear,
        String url,
        String method,
        Map<String, String> headers,
        String body,
        String intent,
        Map<String, String> extras,
        String value) {

    public Action {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(label, "label");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        extras = extras == null ? Map.of() : Map.copyOf(extras);
    }

    public ActionType type() {
        return ActionType.of(action);
    }

    /** The HTTP method to use for an http action: the given one, else POST (ntfy's documented default). */
    public String effectiveMethod() {
        return method == null || method.isBlank() ? "POST" : method;
    }

    public static Action view(String label, String url, boolean clear) {
        return new Action(null, "view", label, clear, url, null, null, null, null, null, null);
    }

    public static Action http(
            String label, String url, String method, Map<String, String> headers, String body, boolean clear) {
        return new Action(null, "http", label, clear, url, method, headers, body, null, null, null);
    }

    public static Action copy(String label, String value, boolean clear) {
        return new Action(null, "copy", label, clear, null, null, null, null, null, null, value);
    }
}
