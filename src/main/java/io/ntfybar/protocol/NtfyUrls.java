package io.ntfybar.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the URLs of ntfy's HTTP API as plain strings (protocol sections 2 to 5 and 7): subscribe streams for one
 * or several topics, the auth check, publishing and attachment files. Query parameter names are lowercase, as the
 * server requires. Pure and thread-safe.
 */
public final class NtfyUrls {
    private static final Pattern FILE_ID = Pattern.compile("[-_A-Za-z0-9]{1,64}");
    private static final Pattern FILE_EXTENSION = Pattern.compile("[A-Za-z0-9]{1,16}");

    private NtfyUrls() {}

    /**
     * A subscribe URL: {@code <server>/<t1,t2>/<format>?<query>}. For {@link StreamFormat#WS} the scheme is
     * {@code ws} or {@code wss}.
     *
     * @throws ProtocolException when there is no topic or a topic is invalid
     */
    public static String stream(ServerUrl server, List<String> topics, StreamFormat format, SubscribeQuery query) {
        String base = server.value();
        if (format == StreamFormat.WS) {
            base = (server.scheme().equals("https") ? "wss" : "ws") + base.substring(base.indexOf("://"));
        }
        return base + "/" + topicList(topics) + "/" + format.path() + queryString(query);
    }

    /** {@code <server>/<t1,t2>/auth}: 200 when the caller may read every topic, 401 or 403 otherwise. */
    public static String auth(ServerUrl server, List<String> topics) {
        return server.value() + "/" + topicList(topics) + "/auth";
    }

    /** {@code <server>/<topic>}: publish with PUT or POST, the body being the message. */
    public static String publish(TopicUrl topic) {
        return topic.toString();
    }

    /** {@code <server>/}: publish a JSON body that names its topic ({@link PublishBody}). */
    public static String jsonPublish(ServerUrl server) {
        return server.value() + "/";
    }

    /**
     * {@code <server>/file/<id>[.<extension>]}: an uploaded attachment. No authorization is needed for it.
     *
     * @param extension without the dot, or null
     */
    public static String file(ServerUrl server, String messageId, String extension) {
        if (messageId == null || !FILE_ID.matcher(messageId).matches()) {
            throw new ProtocolException(
                    "an attachment id is 1 to 64 letters, digits, '-' or '_', not " + InputSnippet.quote(messageId));
        }
        if (extension != null && !FILE_EXTENSION.matcher(extension).matches()) {
            throw new ProtocolException(
                    "an attachment file extension is 1 to 16 letters or digits, not " + InputSnippet.quote(extension));
        }
        return server.value() + "/file/" + messageId + (extension == null ? "" : "." + extension);
    }

    /**
     * The URL with the {@code auth} parameter added, for clients that cannot send headers (e.g. some WebSocket
     * stacks). Prefer the {@code Authorization} header: a query ends up in proxy and server logs.
     */
    public static String withAuthParameter(String url, AuthorizationHeader auth) {
        return url + (url.contains("?") ? "&" : "?") + "auth=" + auth.queryValue();
    }

    /** Topics comma-joined for a path, duplicates dropped, order kept. */
    static String topicList(List<String> topics) {
        if (topics == null || topics.isEmpty()) {
            throw new ProtocolException("at least one topic is needed");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String t : topics) {
            unique.add(TopicName.validate(t));
        }
        return String.join(",", unique);
    }

    static String queryString(SubscribeQuery q) {
        List<String> params = new ArrayList<>();
        if (q.poll()) {
            params.add("poll=1");
        }
        add(params, "since", q.since());
        if (q.scheduled()) {
            params.add("scheduled=1");
        }
        add(params, "id", q.id());
        add(params, "message", q.message());
        add(params, "title", q.title());
        if (!q.priorities().isEmpty()) {
            add(
                    params,
                    "priority",
                    q.priorities().stream()
                            .map(p -> Integer.toString(p.level()))
                            .collect(Collectors.joining(",")));
        }
        if (!q.tags().isEmpty()) {
            add(params, "tags", String.join(",", q.tags()));
        }
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + encode(value));
        }
    }

    /** Percent-encodes a query value: RFC 3986 unreserved characters and {@code ,} stay, spaces become %20. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~'
                    || c == ',') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
