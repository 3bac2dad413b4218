package io.ntfybar.protocol;

import io.ntfybar.model.Priority;
import java.util.List;
import java.util.Optional;

/**
 * The text a client shows for a message, built by {@link MessageDisplay}. Immutable and thread-safe.
 *
 * @param title the title to show: the message's own (with emoji tags in front) or the topic's display name
 * @param body the message text (with emoji tags in front when the message has no title of its own), or
 *     {@code binary message, N bytes} for a base64-encoded message
 * @param hasOwnTitle false when {@code title} is the topic's display name standing in for a missing title
 * @param otherTags the tags that are not emoji aliases, in their order
 * @param markdown render {@code body} as Markdown (only when the message's content type is {@code text/markdown})
 * @param priority the message priority
 */
public record DisplayText(
        String title, String body, boolean hasOwnTitle, List<String> otherTags, boolean markdown, Priority priority) {
    public DisplayText {
        otherTags = otherTags == null ? List.of() : List.copyOf(otherTags);
    }

    /** {@code Tags: a, b} for the tags that are not emojis, as ntfy's apps list them; empty when there are none. */
    public Optional<String> tagsLine() {
        return otherTags.isEmpty() ? Optional.empty() : Optional.of("Tags: " + String.join(", ", otherTags));
    }
}
