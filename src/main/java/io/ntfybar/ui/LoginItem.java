package io.ntfybar.ui;

import java.util.Optional;

/**
 * Starting ntfybar when the user logs in: an XDG autostart entry on Linux, a login item (SMAppService, or a
 * LaunchAgent before macOS 13) on macOS. The operating system's state is the truth, since the user can also remove the
 * item in the system's settings.
 *
 * <p>Threading: blocking file or native calls; call it off the FX thread.
 */
public interface LoginItem {
    /** Why it cannot be switched here (e.g. when ntfybar runs from a development build), or empty. */
    Optional<String> unavailable();

    /** Whether ntfybar starts at login now. */
    boolean isEnabled();

    /**
     * Switches it on or off.
     *
     * @throws IllegalStateException with a sentence for the user when the system refused
     */
    void setEnabled(boolean on);

    /** A sentence to show beside the switch when it is on but waits for the user (macOS "requires approval"), else empty. */
    default Optional<String> note() {
        return Optional.empty();
    }

    /** For systems where it cannot work at all. */
    static LoginItem unsupported(String reason) {
        return new LoginItem() {
            @Override
            public Optional<String> unavailable() {
                return Optional.of(reason);
            }

            @Override
            public boolean isEnabled() {
                return false;
            }

            @Override
            public void setEnabled(boolean on) {
                throw new IllegalStateException(reason);
            }
        };
    }
}
