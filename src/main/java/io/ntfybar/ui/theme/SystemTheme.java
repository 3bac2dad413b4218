package io.ntfybar.ui.theme;

/**
 * The operating system's light/dark setting. JavaFX 21 has no API for it, so each platform has its own reader;
 * {@link #detect()} picks one at run time. Implementations never throw: a reader that cannot tell says light and
 * logs why once.
 */
public interface SystemTheme {
    /** Whether the system prefers dark. May run a short command (at most about 2 s), so avoid the FX thread. */
    boolean isDark();

    /**
     * Calls {@code onChange} (on a background thread) whenever the system setting may have changed; the callee
     * reads {@link #isDark()} again. A reader without any change signal does nothing.
     */
    default void watch(Runnable onChange) {}

    /** What this reader asks, for the log and the about box. */
    String name();

    /** The reader for this operating system; never throws. */
    static SystemTheme detect() {
        return SystemThemes.forThisSystem();
    }

    /** A fixed answer, for a platform without any reader and for tests of the windows. */
    static SystemTheme fixed(boolean dark) {
        return new SystemTheme() {
            @Override
            public boolean isDark() {
                return dark;
            }

            @Override
            public String name() {
                return dark ? "fixed dark" : "fixed light";
            }
        };
    }
}
