package io.ntfybar.model;

import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One ntfy stream object: a message or any other event (open, keepalive, poll_request, message_delete,
 * message_clear, or one this client does not know). Field names and meaning follow ntfy's wire format
 * (protocol section 1); optional fields are null when absent.
 *
 * @param id opaque id (12 characters on current servers, 10 in old ones)
 * @param time unix seconds; for scheduled messages the delivery time
 * @param expires unix seconds, or null
 * @param event the raw event name; see {@link #eventType()}
 * @param topic a single topic for messages; a comma list for open and keepalive
 * @param priority 1..5; an absent priority is 3
 * @param tags never null
 * @param actions never null
 * @param sequenceId groups revisions of one notification; null when the server sent none
 */
public record Message(
        String id,
        long time,
        Long expires,
        String event,
        String topic,
        String title,
        String message,
        int priority,
        List<String> tags,
        String click,
        String icon,
        List<Action> actions,
        Attachment attachment,
        String pollId,
        String contentType,
        String encoding,
        String sequenceId) {

    public static final String MARKDOWN = "text/markdown";
    public static final String BASE64 = "base64";

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(topic, "topic");
        if (priority == 0) {
            priority = Priority.DEFAULT.level();
        }
        Priority.ofLevel(priority); // validates 1..5
        tags = tags == null ? List.of() : List.copyOf(tags);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public Event eventType() {
        return Event.of(event);
    }

    public Priority priorityLevel() {
        return Priority.ofLevel(priority);
    }

    public boolean isMarkdown() {
        return MARKDOWN.equals(contentType);
    }

    public boolean isBinary() {
        return BASE64.equals(encoding);
    }

    /** The bytes of a base64-encoded (binary) message; empty for text messages. */
    public Optional<byte[]> binaryPayload() {
        if (!isBinary() || message == null) {
            return Optional.empty();
        }
        return Optional.of(Base64.getMimeDecoder().decode(message));
    }

    /** The id revisions of this message share: the sequence id, else the message id (as ntfy's Android app does). */
    public String effectiveSequenceId() {
        return sequenceId == null || sequenceId.isEmpty() ? id : sequenceId;
    }

    /** A plain text message on one topic; for tests and for building publish previews. */
    public static Message simple(String id, long time, String topic, String title, String message) {
        return new Message(
                id,
                time,
                null,
                Event.MESSAGE.wireName(),
                topic,
                title,
                message,
                3,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null);
    }
}
