package io.ntfybar.ui.subscription;

import io.ntfybar.model.Subscription;
import io.ntfybar.ui.UiText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** The choices of the Subscription settings window's lists and how they read, and its input rules. Pure. */
final class Choices {
    private static final UiText TEXT = UiText.of(Choices.class);
    private static final long DAY = 86_400;

    static final List<Long> AUTO_DELETE =
            List.of(0L, (long) Subscription.NO_LIMIT, DAY, 7 * DAY, 30 * DAY, 90 * DAY, 180 * DAY, 365 * DAY);
    static final List<Integer> KEEP = List.of(0, Subscription.NO_LIMIT, 10, 50, 100, 500, 1000, 5000, 10000);
    static final List<Integer> PRIORITY = List.of(0, 1, 2, 3, 4, 5);

    private Choices() {}

    static String autoDelete(long seconds) {
        if (seconds == 0) {
            return TEXT.get("autoDelete.global");
        }
        if (seconds < 0) {
            return TEXT.get("autoDelete.never");
        }
        if (seconds % DAY == 0) {
            return TEXT.get("autoDelete.days", seconds / DAY);
        }
        return TEXT.get("autoDelete.hours", Math.max(1, seconds / 3600));
    }

    static String keep(int messages) {
        if (messages == 0) {
            return TEXT.get("keep.global");
        }
        return messages < 0 ? TEXT.get("keep.any") : TEXT.get("keep.n", messages);
    }

    /** Whether and until when a subscription is muted, as a sentence. */
    static String muteState(long mutedUntil, ZonedDateTime now) {
        if (mutedUntil == Subscription.MUTED_UNTIL_RESUMED) {
            return TEXT.get("mute.untilResumed");
        }
        if (mutedUntil <= now.toEpochSecond()) {
            return TEXT.get("mute.off");
        }
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(Locale.getDefault())
                .format(Instant.ofEpochSecond(mutedUntil).atZone(now.getZone()));
        return TEXT.get("mute.until", when);
    }

    /** Empty for no icon or an http(s) URL of a host, else why it cannot be used. */
    static String iconProblem(String url) {
        String s = url == null ? "" : url.strip();
        if (s.isEmpty()) {
            return "";
        }
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return "";
            }
        } catch (URISyntaxException e) {
            // falls through to the sentence
        }
        return TEXT.get("icon.invalid");
    }

    static String priority(int p) {
        return p == 0 ? TEXT.get("priority.global") : TEXT.get("priority." + p);
    }
}
