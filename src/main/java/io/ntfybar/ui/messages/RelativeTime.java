package io.ntfybar.ui.messages;

import io.ntfybar.ui.UiText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** "just now", "2 min ago", "3 h ago", "yesterday", "4 days ago", then the date; and the full date for tooltips. Pure. */
public final class RelativeTime {
    private static final UiText TEXT = UiText.of(RelativeTime.class);
    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.MEDIUM);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private RelativeTime() {}

    /** How long before {@code now} the epoch second {@code time} was, for people. */
    public static String ago(long time, Instant now, ZoneId zone) {
        long s = now.getEpochSecond() - time;
        if (s < 60) {
            return TEXT.get("time.now");
        } else if (s < 3600) {
            return TEXT.get("time.minutes", s / 60);
        } else if (s < 86_400) {
            return TEXT.get("time.hours", s / 3600);
        } else if (s < 2 * 86_400) {
            return TEXT.get("time.yesterday");
        } else if (s < 7 * 86_400) {
            return TEXT.get("time.days", s / 86_400);
        }
        return DATE.format(Instant.ofEpochSecond(time).atZone(zone));
    }

    /** The full date and time, for the tooltip. */
    public static String full(long time, ZoneId zone) {
        try {
            return FULL.format(Instant.ofEpochSecond(time).atZone(zone));
        } catch (java.time.DateTimeException e) {
            // FULL wants a zone name; a fixed offset has none
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    Instant.ofEpochSecond(time).atZone(zone));
        }
    }
}
