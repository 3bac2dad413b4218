package io.ntfybar.ui.theme;

import java.util.Locale;

/** The user's choice of appearance, as the settings file spells it ({@code appearance: system|light|dark}). */
public enum Appearance {
    /** Follow the operating system's light/dark setting. */
    SYSTEM,
    LIGHT,
    DARK;

    /** The word in the settings file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The appearance for a settings-file word, ignoring case and surrounding blanks. Anything unknown means
     * {@link #SYSTEM}: a typo in a hand-edited file should not stop the app from starting.
     */
    public static Appearance parse(String word) {
        if (word == null) {
            return SYSTEM;
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        for (Appearance a : values()) {
            if (a.key().equals(w)) {
                return a;
            }
        }
        return SYSTEM;
    }

    /** Whether this choice means dark, given what the system says right now. */
    public boolean isDark(boolean systemIsDark) {
        return switch (this) {
            case SYSTEM -> systemIsDark;
            case LIGHT -> false;
            case DARK -> true;
        };
    }
}
