package io.ntfybar.model;

import java.util.List;

/**
 * A message to publish, with every option of ntfy's JSON publish API (protocol section 5.3). Null means "not set".
 * Start with {@link #to(String, String)} and add options with the {@code with…} methods. Immutable.
 *
 * @param topic the topic to publish to
 * @param message the text; null or empty makes the server send {@code triggered}
 * @param priority null for the server default (3)
 * @param tags never null
 * @param actions never null; at most 3
 * @param attach URL of an external attachment
 * @param filename attachment file name
 * @param markdown render the message as Markdown
 * @param email forward to this e-mail address
 * @param call phone number to call, or {@code yes} for the account's verified number
 * @param delay when to deliver: a unix time, a duration such as {@code 30m}, or e.g. {@code tomorrow, 10am}
 * @param cache false to tell the server not to store the message
 * @param firebase false to tell the server not to forward the message to Firebase
 * @param sequenceId groups revisions of one notification (newer servers); a new message with it replaces the old
 */
public record PublishRequest(
        String topic,
        String message,
        String title,
        Priority priority,
        List<String> tags,
        String click,
        String icon,
        List<Action> actions,
        String attach,
        String filename,
        boolean markdown,
        String email,
        String call,
        String delay,
        boolean cache,
        boolean firebase,
        String sequenceId) {

    public PublishRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A plain message with the server's defaults (cached, forwarded to Firebase). */
    public static PublishRequest to(String topic, String message) {
        return new PublishRequest(
                topic, message, null, null, List.of(), null, null, List.of(), null, null, false, null, null, null, true,
                true, null);
    }

    public PublishRequest withMessage(String v) {
        return new PublishRequest(
                topic,
                v,
                title,
                priority,
                tags,
                click,
                icon,
                actions,
                attach,
                filename,
                markdown,
                email,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withTitle(String v) {
        return new PublishRequest(
                topic,
                message,
                v,
                priority,
                tags,
                click,
                icon,
                actions,
                attach,
                filename,
                markdown,
                email,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withPriority(Priority v) {
        return new PublishRequest(
                topic,
                message,
                title,
                v,
                tags,
                click,
                icon,
                actions,
                attach,
                filename,
                markdown,
                email,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withTags(List<String> v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                v,
                click,
                icon,
                actions,
                attach,
                filename,
                markdown,
                email,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withClick(String v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                v,
                icon,
                actions,
                attach,
                filename,
                markdown,
                email,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withIcon(String v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                click,
                v,
                actions,
                attach,
                filename,
                markdown,
                email,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withActions(List<Action> v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                click,
                icon,
                v,
                attach,
                filename,
                markdown,
                email,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    /** An external attachment: its URL and, optionally (null), the file name to show. */
    public PublishRequest withAttachment(String url, String name) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                click,
                icon,
                actions,
                url,
                name,
                markdown,
                email,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withMarkdown(boolean v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                click,
                icon,
                actions,
                attach,
                filename,
                v,
                email,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withEmail(String v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                click,
                icon,
                actions,
                attach,
                filename,
                markdown,
                v,
                call,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withCall(String v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                click,
                icon,
                actions,
                attach,
                filename,
                markdown,
                email,
                v,
                delay,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withDelay(String v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                click,
                icon,
                actions,
                attach,
                filename,
                markdown,
                email,
                call,
                v,
                cache,
                firebase,
                sequenceId);
    }

    public PublishRequest withCache(boolean v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                click,
                icon,
                actions,
                attach,
                filename,
                markdown,
                email,
                call,
                delay,
                v,
                firebase,
                sequenceId);
    }

    public PublishRequest withFirebase(boolean v) {
        return new PublishRequest(
                topic,
                message,
                title,
                priority,
                tags,
                click,
                icon,
                actions,
                attach,
                filename,
                markdown,
                email,
                call,
                delay,
                cache,
                v,
                sequenceId);
    }

    public PublishRequest withSequenceId(String v) {
        return new PublishRequest(
                topic, message, title, priority, tags, click, icon, actions, attach, filename, markdown, email, call,
                delay, cache, firebase, v);
    }
}
