package io.ntfybar.subscribe;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a server's topics into comma-joined groups whose subscribe request line stays under a length limit:
 * reverse proxies answer longer request lines with 414, and ntfy itself caps URLs. Pure.
 */
final class TopicSplitter {
    /** Room kept for {@code GET }, the path format, {@code ?since=<unix time>}, the auth parameter and {@code HTTP/1.1}. */
    static final int RESERVED = 200;

    private TopicSplitter() {}

    /** As below, for {@code server}'s own path (a server under {@code /ntfy} has longer request lines). */
    static List<List<String>> split(List<String> topics, io.ntfybar.protocol.ServerUrl server, int maxRequestLine) {
        String s = server.shortForm();
        int slash = s.indexOf('/');
        return split(topics, slash < 0 ? "" : s.substring(slash), maxRequestLine);
    }

    /**
     * @param pathPrefix the part of the URL path before the topics, e.g. {@code /ntfy} for a server under a path
     * @param maxRequestLine the longest request line allowed, in bytes (topics are ASCII)
     */
    static List<List<String>> split(List<String> topics, String pathPrefix, int maxRequestLine) {
        int budget = maxRequestLine - RESERVED - pathPrefix.length();
        if (budget < 64) {
            throw new IllegalArgumentException(
                    "a request line limit of " + maxRequestLine + " leaves no room for topics");
        }
        List<List<String>> groups = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String topic : topics) {
            int added = (current.isEmpty() ? 0 : 1) + topic.length();
            if (!current.isEmpty() && length + added > budget) {
                groups.add(List.copyOf(current));
                current.clear();
                length = 0;
                added = topic.length();
            }
            current.add(topic);
            length += added;
        }
        if (!current.isEmpty()) {
            groups.add(List.copyOf(current));
        }
        return groups;
    }
}
