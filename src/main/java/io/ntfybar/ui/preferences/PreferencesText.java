package io.ntfybar.ui.preferences;

import io.ntfybar.ui.UiText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Words for the Preferences window's values: the names of choices, times and sentences. Pure. */
final class PreferencesText {
    private PreferencesText() {}

    /** The label of a choice stored as {@code value}, from {@code prefix.value}; unknown values show as they are. */
    static String choice(UiText text, String prefix, String value) {
        if (value == null) {
            return "";
        }
        String key = prefix + "." + value;
        return text.has(key) ? text.get(key) : value;
    }

    static String when(long epochSeconds) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withZone(ZoneId.systemDefault())
                .format(Instant.ofEpochSecond(epochSeconds));
    }

    /** A lowercase protocol message as a sentence: capitalised, with a full stop. */
    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
