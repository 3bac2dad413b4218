package io.ntfybar.protocol;

import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The query of a subscribe or poll request (protocol sections 3.2 and 3.3): {@code since}, {@code poll},
 * {@code scheduled} and the filters {@code id}, {@code message}, {@code title}, {@code priority} and {@code tags}.
 * Build it with {@link #live()} and the {@code with…} methods. Immutable and thread-safe.
 *
 * @param since null (the server's default: nothing cached for a stream, everything for a poll), {@code all},
 *     {@code latest}, {@code none}, a 12-character message id, a unix time or a Go duration such as {@code 10m}
 * @param poll return cached messages and close, instead of streaming
 * @param scheduled also return messages not yet delivered
 * @param id only the message with this id
 * @param message only messages with exactly this text
 * @param title only messages with exactly this title
 * @param priorities only messages with one of these priorities (an absent priority counts as 3); empty for all
 * @param tags only messages that have all of these tags; empty for all
 */
public record SubscribeQuery(
        String since,
        boolean poll,
        boolean scheduled,
        String id,
        String message,
        String title,
        List<Priority> priorities,
        List<String> tags) {

    private static final Pattern SINCE =
            Pattern.compile("all|latest|none|[A-Za-z0-9]{12}|[0-9]+|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+");

    public SubscribeQuery {
        if (since != null && !SINCE.matcher(since).matches()) {
            throw new ProtocolException("since " + InputSnippet.quote(since) + " is not valid; use all, latest, "
                    + "none, a 12-character message id, a unix time or a duration such as 10m");
        }
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A live stream with no filters and the server's default {@code since}. */
    public static SubscribeQuery live() {
        return new SubscribeQuery(null, false, false, null, null, null, List.of(), List.of());
    }

    public SubscribeQuery withSince(String value) {
        return new SubscribeQuery(value, poll, scheduled, id, message, title, priorities, tags);
    }

    /** Messages from this unix time on (inclusive). */
    public SubscribeQuery withSinceTime(long epochSeconds) {
        return withSince(Long.toString(Math.max(0, epochSeconds)));
    }

    public SubscribeQuery withPoll(boolean value) {
        return new SubscribeQuery(since, value, scheduled, id, message, title, priorities, tags);
    }

    public SubscribeQuery withScheduled(boolean value) {
        return new SubscribeQuery(since, poll, value, id, message, title, priorities, tags);
    }

    public SubscribeQuery withId(String value) {
        return new SubscribeQuery(since, poll, scheduled, value, message, title, priorities, tags);
    }

    public SubscribeQuery withMessage(String value) {
        return new SubscribeQuery(since, poll, scheduled, id, value, title, priorities, tags);
    }

    public SubscribeQuery withTitle(String value) {
        return new SubscribeQuery(since, poll, scheduled, id, message, value, priorities, tags);
    }

    public SubscribeQuery withPriorities(List<Priority> value) {
        return new SubscribeQuery(since, poll, scheduled, id, message, title, value, tags);
    }

    public SubscribeQuery withTags(List<String> value) {
        return new SubscribeQuery(since, poll, scheduled, id, message, title, priorities, value);
    }

    /**
     * Whether a message passes the filters, as the server decides it (protocol section 3.3): exact id, message and
     * title; any of the priorities (an absent priority is 3); all of the tags. Events other than messages pass.
     */
    public boolean matches(Message m) {
        if (m.eventType() != Event.MESSAGE) {
            return true;
        }
        return (id == null || id.equals(m.id()))
                && (message == null || message.equals(m.message()))
                && (title == null || title.equals(m.title()))
                && (priorities.isEmpty() || priorities.contains(m.priorityLevel()))
                && m.tags().containsAll(tags);
    }

    /** True when any filter is set. */
    public boolean hasFilters() {
        return id != null || message != null || title != null || !priorities.isEmpty() || !tags.isEmpty();
    }
}
