package io.ntfybar.protocol;

import java.util.Objects;

/**
 * A topic on a server, as in {@code https://ntfy.example.com/mytopic}. Immutable and thread-safe.
 *
 * @param server the server's base URL
 * @param topic a valid topic name
 */
public record TopicUrl(ServerUrl server, String topic) {
    public TopicUrl {
        Objects.requireNonNull(server, "server");
        TopicName.validate(topic);
    }

    /**
     * Parses a full topic URL: the last path segment is the topic, the rest the server's base URL. A scheme is
     * optional ({@code ntfy.sh/alerts} means {@code https://ntfy.sh/alerts}); one trailing slash is ignored.
     *
     * @throws ProtocolException when there is no topic in the URL or it is not valid
     */
    public static TopicUrl parse(String url) {
        String s = url == null ? "" : url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int schemeEnd = s.indexOf("://");
        int slash = s.lastIndexOf('/');
        if (slash < 0 || slash <= schemeEnd + 2) {
            throw new ProtocolException("the topic URL " + InputSnippet.quote(url == null ? "" : url)
                    + " has no topic; use the form https://ntfy.sh/mytopic");
        }
        return new TopicUrl(new ServerUrl(s.substring(0, slash)), s.substring(slash + 1));
    }

    /**
     * Parses what a user typed: a bare topic ({@code alerts}, no {@code /}) is on {@code defaultServer}; anything
     * else is parsed as a full topic URL.
     */
    public static TopicUrl parse(String input, ServerUrl defaultServer) {
        String s = input == null ? "" : input.strip();
        if (!s.contains("/")) {
            return new TopicUrl(defaultServer, TopicName.validate(s));
        }
        return parse(s);
    }

    /** The topic's short URL as ntfy's apps show it: {@code ntfy.example.com:8443/mytopic}, without scheme. */
    public String shortUrl() {
        return server.shortForm() + "/" + topic;
    }

    @Override
    public String toString() {
        return server.value() + "/" + topic;
    }
}
