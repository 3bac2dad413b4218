package io.ntfybar.render;

import io.ntfybar.model.Action;
import java.util.List;

/**
 * What a native notification shows and how it behaves, independent of the platform: the {@code Notifier}s of issue 4
 * map it onto macOS Notification Center, the freedesktop service or a tray balloon. Immutable.
 *
 * @param identity stable per (server, topic, sequence id): a revision replaces the shown notification
 * @param group per subscription: macOS thread identifier; on Linux only a category hint
 * @param title the banner title
 * @param subtitle the subscription's name when the title is the message's own, else null
 * @param body plain text for the banner
 * @param level how strongly it interrupts
 * @param sound whether it plays a sound
 * @param expiresNever true when it must stay until dismissed (Linux: expire timeout 0)
 * @param actions at most three buttons, view, http and copy only
 * @param clickUrl where a click on the notification goes, or null: then the app opens the message
 */
public record NotificationSpec(
        String identity,
        String group,
        String title,
        String subtitle,
        String body,
        Level level,
        boolean sound,
        boolean expiresNever,
        List<Action> actions,
        String clickUrl) {

    /**
     * Interruption levels as ntfy's iOS app maps priorities onto Apple's API; {@link #urgency} is the freedesktop
     * urgency hint (0 low, 1 normal, 2 critical) that Linux uses for the same idea.
     */
    public enum Level {
        PASSIVE(0),
        ACTIVE(1),
        TIME_SENSITIVE(2);

        private final int urgency;

        Level(int urgency) {
            this.urgency = urgency;
        }

        public int urgency() {
            return urgency;
        }
    }

    public NotificationSpec {
        actions = List.copyOf(actions);
    }
}
