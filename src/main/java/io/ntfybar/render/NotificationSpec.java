package io.ntfybar.render;

import io.ntfybar.model.Action;
import java.util.List;

/**
 * What a native notification shows and how it behaves, independent of the platform: the {@code Notifier}s
 * map it onto macOS Notification Center, the freedesktop service or a tray balloon. Immutable.
 *
 * @param identity stable per (server, topic, sequence id): a revision replaces the shown notification
 * @param group per subscription: macOS thread identifier; on Linux only a category hint
 * @param title the banner title
 * @param subtitle the subscription's name when the title is the message's own, else null
 * @param body plain text for the banner
 * @param level how strongly it interrupts
 * @param sound the sound to play: null for none, {@link #DEFAULT_SOUND} for the system's default, else a sound name
 *     (macOS: a file in the bundle's {@code Library/Sounds}; Linux: a freedesktop sound-theme name)
 * @param expiresNever true when it must stay until dismissed (Linux: expire timeout 0)
 * @param actions at most three buttons, view, http and copy only
 * @param clickUrl where a click on the notification goes, or null: then the app opens the message
 * @param imageFile absolute path of a local image to show (a downloaded attachment or icon), or null
 */
public record NotificationSpec(
        String identity,
        String group,
        String title,
        String subtitle,
        String body,
        Level level,
        String sound,
        boolean expiresNever,
        List<Action> actions,
        String clickUrl,
        String imageFile) {

    /** {@link #sound}: the platform's default notification sound. */
    public static final String DEFAULT_SOUND = "default";

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

    /** The same notification showing a local image. */
    public NotificationSpec withImageFile(String path) {
        return new NotificationSpec(
                identity, group, title, subtitle, body, level, sound, expiresNever, actions, clickUrl, path);
    }
}
