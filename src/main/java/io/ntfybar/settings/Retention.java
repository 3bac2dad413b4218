package io.ntfybar.settings;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much history is kept, as in the settings file under {@code retention:}; a subscription may set its own. The
 * defaults follow ntfy's Android app, which deletes notifications after one month and keeps any number.
 *
 * @param keepDays messages older than this many days are deleted; 0 keeps them forever; absent: 30
 * @param keepMessages each subscription keeps at most this many messages, the newest; 0 or absent: any number
 */
public record Retention(
        @JsonProperty("keep-days") Integer keepDays, @JsonProperty("keep-messages") Integer keepMessages) {

    public static final int DEFAULT_KEEP_DAYS = 30;

    public Retention {
        keepDays = keepDays == null ? DEFAULT_KEEP_DAYS : keepDays;
        keepMessages = keepMessages == null ? 0 : keepMessages;
        if (keepDays < 0) {
            throw new IllegalArgumentException("retention keep-days must be 0 (forever) or more, not " + keepDays);
        }
        if (keepMessages < 0) {
            throw new IllegalArgumentException(
                    "retention keep-messages must be 0 (any number) or more, not " + keepMessages);
        }
    }

    public static Retention defaults() {
        return new Retention(DEFAULT_KEEP_DAYS, 0);
    }
}
