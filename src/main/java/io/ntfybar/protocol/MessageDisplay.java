package io.ntfybar.protocol;

import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How ntfy's Android app turns a message into text (protocol section 9, clients section 4), for notifications and
 * lists:
 *
 * <ul>
 *   <li>Title: the message's title; without one, the subscription's display name, else the bare topic when the
 *       server is the default server, else the short URL {@code host[:port]/topic}.
 *   <li>Tags that are emoji aliases ({@link EmojiTable#forTag}, which also drops surrounding {@code :} as Android
 *       does) go in front of the title, or in front of the message when it has no title. Like Android, the emojis
 *       are concatenated with no separator and then one space ({@code 🚨⚠️ Title}); ntfy's web app puts spaces
 *       between them instead. Android's form is chosen because it reads as one badge in a narrow menu-bar line.
 *   <li>Other tags are listed separately ({@link DisplayText#tagsLine()}: {@code Tags: a, b}).
 *   <li>A base64-encoded (binary) message is never shown as text: {@code binary message, N bytes}.
 *   <li>Markdown only when the content type is {@code text/markdown}.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class MessageDisplay {
    private final ServerUrl defaultServer;

    /** @param defaultServer the app's default server, whose topics are shown by bare name */
    public MessageDisplay(ServerUrl defaultServer) {
        this.defaultServer = Objects.requireNonNull(defaultServer, "defaultServer");
    }

    /** With {@code https://ntfy.sh} as the default server, as in ntfy's apps. */
    public static MessageDisplay withNtfyShDefault() {
        return new MessageDisplay(ServerUrl.NTFY_SH);
    }

    public ServerUrl defaultServer() {
        return defaultServer;
    }

    /**
     * The text for a message received on {@code server}.
     *
     * @param displayName the subscription's display name, or null
     */
    public DisplayText render(Message message, ServerUrl server, String displayName) {
        String emojis = emojiPrefix(message.tags());
        String body = bodyText(message);
        boolean ownTitle = message.title() != null && !message.title().isBlank();
        String title;
        if (ownTitle) {
            title = prefixed(emojis, message.title());
        } else {
            title = topicDisplayName(server, message.topic(), displayName);
            body = prefixed(emojis, body);
        }
        return new DisplayText(
                title,
                body,
                ownTitle,
                otherTags(message.tags()),
                message.isMarkdown() && !message.isBinary(),
                message.priorityLevel());
    }

    /**
     * The name of a topic as the app shows it: the display name when set, else the bare topic on the default server,
     * else the short URL {@code host[:port]/topic}.
     */
    public String topicDisplayName(TopicUrl topic, String displayName) {
        return topicDisplayName(topic.server(), topic.topic(), displayName);
    }

    /** As {@link #topicDisplayName(TopicUrl, String)}, for a topic as received (not validated: never throws). */
    public String topicDisplayName(ServerUrl server, String topic, String displayName) {
        if (displayName != null && !displayName.isBlank()) {
            return displayName.strip();
        }
        return server.equals(defaultServer) ? topic : server.shortForm() + "/" + topic;
    }

    /** The emojis of the tags that are emoji aliases, concatenated in tag order; empty when there are none. */
    public static String emojiPrefix(List<String> tags) {
        StringBuilder out = new StringBuilder();
        for (String tag : tags) {
            EmojiTable.forTag(tag).ifPresent(out::append);
        }
        return out.toString();
    }

    /** The tags that are not emoji aliases, in order. */
    public static List<String> otherTags(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            if (EmojiTable.forTag(tag).isEmpty()) {
                out.add(tag);
            }
        }
        return out;
    }

    /** The message text; {@code binary message, N bytes} for a base64-encoded message; empty when there is none. */
    public static String bodyText(Message message) {
        if (message.isBinary()) {
            int n = message.binaryPayload().map(b -> b.length).orElse(0);
            return "binary message, " + n + (n == 1 ? " byte" : " bytes");
        }
        return message.message() == null ? "" : message.message();
    }

    /** A priority for people: {@code high (4)}. */
    public static String priorityText(Priority priority) {
        return priority.label() + " (" + priority.level() + ")";
    }

    /** The priority a user typed: {@code 1}..{@code 5} or a name ({@code min} … {@code max}, {@code urgent}). */
    public static Optional<Priority> parsePriority(String text) {
        return Priority.parse(text);
    }

    private static String prefixed(String emojis, String text) {
        if (emojis.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? emojis : emojis + " " + text;
    }
}
