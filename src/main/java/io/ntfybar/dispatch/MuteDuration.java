package io.ntfybar.dispatch;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The pause choices of ntfy's Android app, for the whole app and per subscription. "Until tomorrow" ends at 08:30 the
 * next morning in the local time zone, as on Android.
 */
public enum MuteDuration {
    MINUTES_30("30 minutes", Duration.ofMinutes(30)),
    HOUR_1("1 hour", Duration.ofHours(1)),
    HOURS_2("2 hours", Duration.ofHours(2)),
    HOURS_8("8 hours", Duration.ofHours(8)),
    UNTIL_TOMORROW("Until tomorrow", null),
    UNTIL_RESUMED("Until resumed", null);

    /** The value stored for "until resumed" ({@code mutedUntil}). */
    public static final long UNTIL_RESUMED_VALUE = -1;

    private final String label;
    private final Duration duration;

    MuteDuration(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public String label() {
        return label;
    }

    /** The {@code mutedUntil} value to store when chosen at {@code now}: epoch seconds, or -1 until resumed. */
    public long mutedUntil(ZonedDateTime now) {
        if (this == UNTIL_RESUMED) {
            return UNTIL_RESUMED_VALUE;
        }
        if (this == UNTIL_TOMORROW) {
            return now.truncatedTo(ChronoUnit.DAYS)
                    .plusDays(1)
                    .withHour(8)
                    .withMinute(30)
                    .toEpochSecond();
        }
        return now.plus(duration).toEpochSecond();
    }
}
