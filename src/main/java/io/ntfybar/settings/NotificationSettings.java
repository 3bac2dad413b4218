package io.ntfybar.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * How messages become notifications, as in the settings file under {@code notifications:}. Subscriptions have their own
 * minimum priority and mute in the store.
 *
 * @param mutedUntil every notification paused until this epoch second; 0 not paused; -1 until resumed
 * @param catchUpSummary more than this many notifications of one subscription at once become one summary ("12 new
 *     messages on backups"); absent: 5
 * @param insistent priority-5 notifications keep alerting until the user acts on them (Android's "keep alerting for
 *     highest priority"); absent: off
 * @param sounds per priority (1 to 5): {@code none}, {@code default} or a sound name; absent priorities: none for 1
 *     and 2, default for 3 to 5
 * @param autoDownload attachments downloaded by themselves up to this size: {@code never}, {@code 100k}, {@code 500k},
 *     {@code 1m}, {@code 5m}, {@code 10m}, {@code 50m} or {@code always}; absent: {@code 1m}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NotificationSettings(
        @JsonProperty("muted-until") Long mutedUntil,
        @JsonProperty("catch-up-summary") Integer catchUpSummary,
        @JsonProperty("insistent") Boolean insistent,
        @JsonProperty("sounds") Map<Integer, String> sounds,
        @JsonProperty("auto-download") String autoDownload) {

    public static final long MUTED_UNTIL_RESUMED = -1;
    public static final int DEFAULT_CATCH_UP_SUMMARY = 5;
    public static final String NO_SOUND = "none";
    public static final String DEFAULT_SOUND = "default";
    public static final String DEFAULT_AUTO_DOWNLOAD = "1m";

    public NotificationSettings {
        mutedUntil = mutedUntil == null ? 0 : mutedUntil;
        if (mutedUntil < MUTED_UNTIL_RESUMED) {
            throw new IllegalArgumentException(
                    "notifications muted-until must be -1 (until resumed), 0 or a time, not " + mutedUntil);
        }
        catchUpSummary = catchUpSummary == null ? DEFAULT_CATCH_UP_SUMMARY : catchUpSummary;
        if (catchUpSummary < 1) {
            throw new IllegalArgumentException(
                    "notifications catch-up-summary must be 1 or more, not " + catchUpSummary);
        }
        insistent = insistent != null && insistent;
        TreeMap<Integer, String> copy = new TreeMap<>();
        if (sounds != null) {
            sounds.forEach((p, s) -> {
                if (p == null || p < 1 || p > 5) {
                    throw new IllegalArgumentException("notifications sounds: priorities are 1 to 5, not " + p);
                }
                if (s == null || s.isBlank()) {
                    throw new IllegalArgumentException("notifications sounds: priority " + p + " has no sound name");
                }
                copy.put(p, s.strip());
            });
        }
        sounds = java.util.Collections.unmodifiableMap(copy);
        autoDownload = autoDownload == null || autoDownload.isBlank() ? DEFAULT_AUTO_DOWNLOAD : autoDownload.strip();
    }

    public static NotificationSettings defaults() {
        return new NotificationSettings(0L, DEFAULT_CATCH_UP_SUMMARY, false, Map.of(), DEFAULT_AUTO_DOWNLOAD);
    }

    /** Paused now? */
    public boolean isMuted(long nowEpochSeconds) {
        return mutedUntil == MUTED_UNTIL_RESUMED || mutedUntil > nowEpochSeconds;
    }

    /** The sound for a priority: null for none, {@link #DEFAULT_SOUND}, or a sound name. */
    public String soundFor(int priority) {
        String s = sounds.getOrDefault(priority, priority >= 3 ? DEFAULT_SOUND : NO_SOUND);
        return NO_SOUND.equalsIgnoreCase(s) ? null : s;
    }

    public NotificationSettings withMutedUntil(long until) {
        return new NotificationSettings(until, catchUpSummary, insistent, sounds, autoDownload);
    }

    public NotificationSettings withInsistent(boolean on) {
        return new NotificationSettings(mutedUntil, catchUpSummary, on, sounds, autoDownload);
    }
}
