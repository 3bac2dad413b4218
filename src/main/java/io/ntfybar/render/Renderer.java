package io.ntfybar.render;

import io.ntfybar.model.Action;
import io.ntfybar.model.ActionType;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.DisplayText;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.NotificationSettings;
import java.util.List;

/**
 * Message to {@link NotificationSpec}: pure, no I/O, thread-safe. Text by ntfy's rules ({@link MessageDisplay});
 * priority as ntfy's iOS app maps it (1-2 passive and silent, 3 active, 4-5 time-sensitive; 5 never expires on
 * Linux); at most three actions, without {@code broadcast}, which has no desktop meaning.
 *
 * <p>Markdown is reduced to plain text ({@link MarkdownText}); sounds follow the per-priority setting, and an update
 * of a shown notification makes none. The image (a downloaded attachment or icon) is added by the caller with
 * {@link NotificationSpec#withImageFile}, since rendering does no I/O.
 */
public final class Renderer {
    static final int MAX_ACTIONS = 3;

    private final MessageDisplay display;

    public Renderer(MessageDisplay display) {
        this.display = display;
    }

    /** With the default sounds (none for priorities 1 and 2, the default sound for 3 to 5). */
    public NotificationSpec render(Message m, ServerUrl server, String displayName) {
        return render(m, server, displayName, NotificationSettings.defaults(), false);
    }

    /**
     * @param displayName the subscription's display name, or null
     * @param update replaces a shown notification: no sound
     */
    public NotificationSpec render(
            Message m, ServerUrl server, String displayName, NotificationSettings settings, boolean update) {
        DisplayText text = display.render(m, server, displayName);
        String topicName = display.topicDisplayName(server, m.topic(), displayName);
        int p = m.priorityLevel().level();
        List<Action> actions = m.actions().stream()
                .filter(a -> a.type() == ActionType.VIEW || a.type() == ActionType.HTTP || a.type() == ActionType.COPY)
                .limit(MAX_ACTIONS)
                .toList();
        return new NotificationSpec(
                identity(server, m.topic(), m.effectiveSequenceId()),
                server.value() + "/" + m.topic(),
                text.title(),
                text.hasOwnTitle() ? topicName : null,
                text.markdown() ? MarkdownText.toPlain(text.body()) : text.body(),
                level(p),
                update ? null : settings.soundFor(p),
                p == 5,
                actions,
                m.click() == null || m.click().isBlank() ? null : m.click(),
                null);
    }

    /**
     * One notification standing in for {@code count} messages of a subscription that came at once: "12 new messages
     * on backups", with the newest message's text as the body. Priority, sound and level are those of the highest
     * priority among them; no actions; a click opens the subscription.
     */
    public NotificationSpec summary(
            String identity,
            ServerUrl server,
            String topic,
            String displayName,
            int count,
            Message newest,
            int maxPriority,
            NotificationSettings settings,
            boolean update) {
        String topicName = display.topicDisplayName(server, topic, displayName);
        DisplayText text = display.render(newest, server, displayName);
        String latest = text.markdown() ? MarkdownText.toPlain(text.body()) : text.body();
        String body = text.hasOwnTitle() ? text.title() + ": " + latest : latest;
        return new NotificationSpec(
                identity,
                server.value() + "/" + topic,
                count + " new messages on " + topicName,
                null,
                "Latest: " + body,
                level(maxPriority),
                update ? null : settings.soundFor(maxPriority),
                maxPriority == 5,
                List.of(),
                null,
                null);
    }

    private static NotificationSpec.Level level(int p) {
        return p <= 2
                ? NotificationSpec.Level.PASSIVE
                : p == 3 ? NotificationSpec.Level.ACTIVE : NotificationSpec.Level.TIME_SENSITIVE;
    }

    /** Added to a message's identity for the follow-up saying one of its actions failed. */
    public static final String FAILURE_SUFFIX = " failed";

    /** A short notification saying that an action (button {@code label}) of {@code of} failed, and why. */
    public static NotificationSpec actionFailed(NotificationSpec of, String label, String reason) {
        return new NotificationSpec(
                of.identity() + FAILURE_SUFFIX,
                of.group(),
                "Action \"" + label + "\" failed",
                of.title(),
                reason == null ? "It did not succeed." : reason,
                NotificationSpec.Level.ACTIVE,
                NotificationSpec.DEFAULT_SOUND,
                false,
                List.of(),
                null,
                null);
    }

    /** The same for every revision of a sequence on one topic of one server. */
    public static String identity(ServerUrl server, String topic, String sequenceId) {
        return server.value() + "/" + topic + "#" + sequenceId;
    }
}
