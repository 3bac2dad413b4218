package io.ntfybar.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ntfybar.model.Action;
import io.ntfybar.model.ActionType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Actions} header: ntfy's short syntax ({@code view, Open, https://x; http, Turn off, https://y,
 * body=off}) and its JSON form ({@code [{"action":"view",...}]}), parsed and written exactly as the ntfy server
 * accepts them (protocol section 6.1). Pure and thread-safe.
 */
public final class ActionSyntax {
    /** ntfy allows at most this many actions per message. */
    public static final int MAX_ACTIONS = 3;

    private static final Pattern KEY = Pattern.compile("^([-.\\w]+)\\s*=\\s*");
    private static final Pattern HEADER_NAME = Pattern.compile("[-.\\w]+");
    private static final List<String> TRUE = List.of("true", "yes", "1");
    private static final List<String> FALSE = List.of("false", "no", "0");

    private ActionSyntax() {}

    /**
     * Parses and validates an {@code Actions} header value in either form. The result has no ids (the server assigns
     * them), types lowercased and methods uppercased.
     *
     * @throws ProtocolException with ntfy's own wording, e.g. {@code only 3 actions allowed}
     */
    public static List<Action> parse(String header) {
        String s = header == null ? "" : header.strip();
        List<Action> actions;
        if (s.startsWith("[")) {
            try {
                actions = ActionJson.readAll(ActionJson.MAPPER.readTree(s));
            } catch (JsonProcessingException e) {
                throw new ProtocolException("actions are not valid JSON: " + e.getOriginalMessage());
            }
        } else {
            actions = new Parser(s).parseAll();
        }
        List<Action> normalised = new ArrayList<>(actions.size());
        for (Action a : actions) {
            normalised.add(new Action(
                    a.id(),
                    a.action().toLowerCase(Locale.ROOT),
                    a.label(),
                    a.clear(),
                    a.url(),
                    a.method() == null ? null : a.method().toUpperCase(Locale.ROOT),
                    a.headers(),
                    a.body(),
                    a.intent(),
                    a.extras(),
                    a.value()));
        }
        validate(normalised);
        return normalised;
    }

    /** Checks the rules the server applies; throws {@link ProtocolException} with ntfy's wording. */
    public static void validate(List<Action> actions) {
        if (actions.size() > MAX_ACTIONS) {
            throw new ProtocolException("only " + MAX_ACTIONS + " actions allowed");
        }
        for (Action a : actions) {
            ActionType type = a.type();
            if (type == ActionType.UNKNOWN) {
                throw new ProtocolException("action '" + a.action() + "' unknown");
            } else if (a.label().isEmpty()) {
                throw new ProtocolException("parameter 'label' is required");
            } else if ((type == ActionType.VIEW || type == ActionType.HTTP) && isEmpty(a.url())) {
                throw new ProtocolException("parameter 'url' is required for action '" + a.action() + "'");
            } else if (type == ActionType.HTTP
                    && a.method() != null
                    && (a.method().equals("GET") || a.method().equals("HEAD"))
                    && !isEmpty(a.body())) {
                throw new ProtocolException("parameter 'body' cannot be set if method is " + a.method());
            } else if (type == ActionType.COPY && isEmpty(a.value())) {
                throw new ProtocolException("parameter 'value' is required for action 'copy'");
            }
        }
    }

    /**
     * Writes actions in the short syntax when every value can be expressed in it, else as a JSON array. Either form
     * parses back to the same actions (ids aside).
     */
    public static String format(List<Action> actions) {
        StringBuilder out = new StringBuilder();
        for (Action a : actions) {
            String one = formatShort(a);
            if (one == null) {
                return formatJson(actions);
            }
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(one);
        }
        return out.toString();
    }

    /** Writes actions as the JSON array form, without ids. */
    public static String formatJson(List<Action> actions) {
        var arr = ActionJson.writeAll(actions);
        arr.forEach(n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("id"));
        return arr.toString();
    }

    private static String formatShort(Action a) {
        if (a.type() == ActionType.UNKNOWN || !HEADER_NAME.matcher(a.action()).matches()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(a.action());
        boolean withUrl = a.type() == ActionType.VIEW || a.type() == ActionType.HTTP;
        if (!addValue(parts, null, a.label(), true)) {
            return null;
        }
        if (withUrl && !addValue(parts, null, a.url(), true)) {
            return null;
        }
        if (!withUrl && a.url() != null && !addValue(parts, "url", a.url(), false)) {
            return null;
        }
        if (a.method() != null && !addValue(parts, "method", a.method(), false)) {
            return null;
        }
        for (Map.Entry<String, String> h : a.headers().entrySet()) {
            if (!HEADER_NAME.matcher(h.getKey()).matches()
                    || !addValue(parts, "headers." + h.getKey(), h.getValue(), false)) {
                return null;
            }
        }
        for (String[] kv : new String[][] {{"body", a.body()}, {"intent", a.intent()}, {"value", a.value()}}) {
            if (kv[1] != null && !addValue(parts, kv[0], kv[1], false)) {
                return null;
            }
        }
        for (Map.Entry<String, String> e : a.extras().entrySet()) {
            if (!HEADER_NAME.matcher(e.getKey()).matches()
                    || !addValue(parts, "extras." + e.getKey(), e.getValue(), false)) {
                return null;
            }
        }
        if (a.clear()) {
            parts.add("clear=true");
        }
        return String.join(", ", parts);
    }

    /** Adds {@code key=value} (or a positional value); false when the value cannot be written in short syntax. */
    private static boolean addValue(List<String> parts, String key, String value, boolean positional) {
        String v = value == null ? "" : value;
        boolean plain = !v.isEmpty()
                && v.equals(v.strip())
                && v.indexOf(',') < 0
                && v.indexOf(';') < 0
                && v.charAt(0) != '"'
                && v.charAt(0) != '\''
                && !(positional && KEY.matcher(v).find());
        String written;
        if (plain) {
            written = v;
        } else {
            char q = v.indexOf('"') >= 0 && v.indexOf('\'') < 0 ? '\'' : '"';
            // A backslash right before a quote (or at the end) would be read as an escape: not expressible.
            if (v.endsWith("\\") || v.contains("\\" + q)) {
                return false;
            }
            written = q + v.replace(String.valueOf(q), "\\" + q) + q;
        }
        parts.add(key == null ? written : key + "=" + written);
        return true;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** A cursor over the short syntax; positions in errors are UTF-8 byte offsets, as the Go server reports them. */
    private static final class Parser {
        private final String in;
        private int pos;

        Parser(String in) {
            this.in = in;
        }

        List<Action> parseAll() {
            List<Action> actions = new ArrayList<>();
            while (pos < in.length()) {
                actions.add(parseAction());
            }
            return actions;
        }

        private Action parseAction() {
            Builder b = new Builder();
            for (int section = 0; ; section++) {
                skipSpaces();
                String key = parseKey();
                String value;
                boolean last;
                char c = peek();
                if (isSectionEnd(c)) {
                    value = "";
                    last = c == 0 || c == ';';
                    advance();
                } else if (c == '"' || c == '\'') {
                    value = parseQuoted(c);
                    last = lastSeen;
                } else {
                    int start = pos;
                    while (!isSectionEnd(peek())) {
                        pos++;
                    }
                    value = in.substring(start, pos).strip();
                    last = peek() == 0 || peek() == ';';
                    advance();
                }
                b.apply(section, key, value);
                skipSpaces();
                if (last) {
                    return b.build();
                }
            }
        }

        private boolean lastSeen;

        private String parseQuoted(char quote) {
            int quoteStart = pos;
            pos++;
            int start = pos;
            char prev = 0;
            while (true) {
                char c = peek();
                if (pos >= in.length()) {
                    throw new ProtocolException(
                            // Like the server: the position of the first character inside the quote.
                            "unexpected end of input, quote started at position " + bytePos(quoteStart + 1));
                }
                if (c == quote && prev != '\\') {
                    String value = in.substring(start, pos).replace("\\" + quote, String.valueOf(quote));
                    pos++;
                    skipSpaces();
                    char after = peek();
                    if (!isSectionEnd(after)) {
                        throw new ProtocolException("unexpected character '" + Character.toString(in.codePointAt(pos))
                                + "' at position " + bytePos(pos));
                    }
                    lastSeen = after == 0 || after == ';';
                    advance();
                    return value;
                }
                prev = c;
                pos++;
            }
        }

        private String parseKey() {
            Matcher m = KEY.matcher(in).region(pos, in.length());
            m.useAnchoringBounds(true);
            if (m.lookingAt()) {
                pos = m.end();
                return m.group(1);
            }
            return null;
        }

        private void skipSpaces() {
            while (pos < in.length() && " \t\r\n".indexOf(in.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            return pos < in.length() ? in.charAt(pos) : 0;
        }

        private void advance() {
            if (pos < in.length()) {
                pos++;
            }
        }

        private int bytePos(int charIndex) {
            return in.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
        }

        private static boolean isSectionEnd(char c) {
            return c == 0 || c == ',' || c == ';';
        }
    }

    private static final class Builder {
        String action = "";
        String label = "";
        boolean clear;
        String url;
        String method;
        String body;
        String intent;
        String value;
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, String> extras = new LinkedHashMap<>();

        void apply(int section, String key, String v) {
            if (key == null && section == 0) {
                key = "action";
            } else if (key == null && section == 1) {
                key = "label";
            } else if (key == null && section == 2) {
                ActionType t = ActionType.of(action);
                if (t == ActionType.VIEW || t == ActionType.HTTP) {
                    key = "url";
                } else if (t == ActionType.COPY) {
                    key = "value"; // newer servers, which know copy, read its third section as the value
                }
            }
            if (key == null) {
                throw new ProtocolException("term '" + v + "' unknown");
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith("headers.")) {
                headers.put(key.substring("headers.".length()), v);
                return;
            }
            if (lower.startsWith("extras.")) {
                extras.put(key.substring("extras.".length()), v);
                return;
            }
            switch (lower) {
                case "action" -> action = v;
                case "label" -> label = v;
                case "clear" -> {
                    String b = v.toLowerCase(Locale.ROOT);
                    if (!TRUE.contains(b) && !FALSE.contains(b)) {
                        throw new ProtocolException("'clear=" + v + "' not allowed");
                    }
                    clear = TRUE.contains(b);
                }
                case "url" -> url = v;
                case "method" -> method = v;
                case "body" -> body = v;
                case "intent" -> intent = v;
                case "value" -> value = v;
                default -> throw new ProtocolException("key '" + key + "' unknown");
            }
        }

        Action build() {
            return new Action(null, action, label, clear, url, method, headers, body, intent, extras, value);
        }
    }
}
