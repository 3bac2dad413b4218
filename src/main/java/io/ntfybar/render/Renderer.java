package io.ntfybar.render;

import io.ntfybar.model.Action;
import io.ntfybar.model.ActionType;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.DisplayText;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ServerUrl;
import java.util.List;

/**
 * Message to {@link NotificationSpec}: pure, no I/O, thread-safe. Text by ntfy's rules ({@link MessageDisplay});
 * priority as ntfy's iOS app maps it (1-2 passive and silent, 3 active, 4-5 time-sensitive; 5 never expires on
 * Linux); at most three actions, without {@code broadcast}, which has no desktop meaning.
 *
 * <p>Not done yet (issue 4): markdown reduced to plain text for the banner, per-priority sound settings, icons and
 * image attachments.
 */
public final class Renderer {
    static final int MAX_ACTIONS = 3;

    private final MessageDisplay display;

    public Renderer(MessageDisplay display) {
        this.display = display;
    }

    /** @param displayName the subscription's display name, or null */
    public NotificationSpec render(Message m, ServerUrl server, String displayName) {
        DisplayText text = display.render(m, server, displayName);
        String topicName = display.topicDisplayName(server, m.topic(), displayName);
        int p = m.priority();
        NotificationSpec.Level level = p <= 2
                ? NotificationSpec.Level.PASSIVE
                : p == 3 ? NotificationSpec.Level.ACTIVE : NotificationSpec.Level.TIME_SENSITIVE;
        List<Action> actions = m.actions().stream()
                .filter(a -> a.type() == ActionType.VIEW || a.type() == ActionType.HTTP || a.type() == ActionType.COPY)
                .limit(MAX_ACTIONS)
                .toList();
        return new NotificationSpec(
                identity(server, m.topic(), m.effectiveSequenceId()),
                server.value() + "/" + m.topic(),
                text.title(),
                text.hasOwnTitle() ? topicName : null,
                text.body(),
                level,
                p >= 3 ? NotificationSpec.DEFAULT_SOUND : null,
                p == 5,
                actions,
                m.click() == null || m.click().isBlank() ? null : m.click(),
                null);
    }

    /** The same for every revision of a sequence on one topic of one server. */
    public static String identity(ServerUrl server, String topic, String sequenceId) {
        return server.value() + "/" + topic + "#" + sequenceId;
    }
}
