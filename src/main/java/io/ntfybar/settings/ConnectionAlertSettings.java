package io.ntfybar.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * A notification when a server has been unreachable for a while, as in the settings file under
 * {@code connection-alert:} (the Android app's "Alert when disconnected").
 *
 * @param afterMinutes alert once a server could not be reached for this long; 0 or absent: never (the default, as on
 *     Android); the Preferences window offers {@link #CHOICES}
 * @param snoozedUntil no alert before this epoch second (the notification's Snooze buttons); 0 or absent: none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ConnectionAlertSettings(
        @JsonProperty("after-minutes") int afterMinutes, @JsonProperty("snoozed-until") long snoozedUntil) {

    /** The delays the Preferences window offers, in minutes; 0 is "never". */
    public static final List<Integer> CHOICES = List.of(0, 5, 15, 60, 180, 720);

    public static final ConnectionAlertSettings NEVER = new ConnectionAlertSettings(0, 0);

    public ConnectionAlertSettings {
        if (afterMinutes < 0) {
            throw new IllegalArgumentException(
                    "connection-alert after-minutes must be 0 (never) or more, not " + afterMinutes);
        }
        if (snoozedUntil < 0) {
            throw new IllegalArgumentException("connection-alert snoozed-until must be a time, not " + snoozedUntil);
        }
    }

    public boolean enabled() {
        return afterMinutes > 0;
    }

    /** How long a server must have been unreachable; zero when alerts are off. */
    public Duration after() {
        return Duration.ofMinutes(afterMinutes);
    }

    /** Another delay; a change ends a snooze, as changing the setting does on Android. */
    public ConnectionAlertSettings withAfterMinutes(int minutes) {
        return minutes == afterMinutes ? this : new ConnectionAlertSettings(minutes, 0);
    }

    public ConnectionAlertSettings withSnoozedUntil(long epochSecond) {
        return new ConnectionAlertSettings(afterMinutes, epochSecond);
    }
}
