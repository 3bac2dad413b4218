package io.ntfybar.ui.publish;

import io.ntfybar.model.Action;
import io.ntfybar.protocol.ActionSyntax;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.ui.UiText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks of the Publish form's fields as the user types: each returns the sentence to show next to the field, or an
 * empty string when the value is fine (an empty optional field is fine). Only what is certainly wrong is refused
 * here; the server has the last word (e.g. on what a delay such as {@code tomorrow, 10am} means). Pure.
 */
final class PublishFields {
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s]+");
    private static final Pattern NO_SPACE_URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]+");
    /** Letters, digits and what ntfy's delay forms use: {@code 30m}, {@code tomorrow, 10am}, {@code 10:30}, a unix time. */
    private static final Pattern DELAY = Pattern.compile("[\\p{L}\\p{N} ,.:+/-]{1,100}");

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final UiText text;

    PublishFields(UiText text) {
        this.text = text;
    }

    String click(String v) {
        return isBlank(v) || NO_SPACE_URL.matcher(v.strip()).matches() ? "" : text.get("error.click");
    }

    String attachUrl(String v) {
        return isBlank(v) || HTTP_URL.matcher(v.strip()).matches() ? "" : text.get("error.attachUrl");
    }

    String delay(String v) {
        return isBlank(v) || DELAY.matcher(v.strip()).matches() ? "" : text.get("error.delay");
    }

    String email(String v) {
        return isBlank(v) || EMAIL.matcher(v.strip()).matches() ? "" : text.get("error.email");
    }

    String actionsError(String v) {
        if (isBlank(v)) {
            return "";
        }
        try {
            ActionSyntax.parse(v);
            return "";
        } catch (ProtocolException e) {
            return text.get("error.actions", e.getMessage());
        }
    }

    /** The parsed actions; empty for an empty field. Call only when {@link #actionsError} is empty. */
    List<Action> actions(String v) {
        return isBlank(v) ? List.of() : ActionSyntax.parse(v);
    }

    /** A protocol message ({@code the topic URL ... has no topic}) as a sentence: capitalised, with a full stop. */
    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    static String size(UiText text, long bytes) {
        if (bytes < 1024) {
            return text.get("size.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return text.get("size.kb", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return text.get("size.mb", bytes / (1024.0 * 1024));
        }
        return text.get("size.gb", bytes / (1024.0 * 1024 * 1024));
    }

    /** A delivery time in the user's zone and locale, e.g. {@code 23/11/2026, 10:00}. */
    static String when(long epochSeconds) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withZone(ZoneId.systemDefault())
                .format(Instant.ofEpochSecond(epochSeconds));
    }

    private static boolean isBlank(String v) {
        return v == null || v.isBlank();
    }
}
