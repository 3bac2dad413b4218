package io.ntfybar.ui.theme;

import io.ntfybar.ui.theme.linux.PortalTheme;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the {@link SystemTheme} reader for the operating system this runs on. */
final class SystemThemes {
    private static final Logger log = LoggerFactory.getLogger(SystemThemes.class);
    private static final Duration POLL = Duration.ofSeconds(5);

    private SystemThemes() {}

    static SystemTheme forThisSystem() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.startsWith("mac")) {
                return new MacDefaultsTheme(CommandRunner.processes(), POLL);
            }
            if (os.startsWith("windows")) {
                return new WindowsRegistryTheme(CommandRunner.processes(), POLL);
            }
            if (os.contains("linux") || os.contains("bsd")) {
                return PortalTheme.connectSessionBus(GtkTheme.forThisProcess());
            }
            log.info("No way to read the light/dark setting on {}; using the light theme", os);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a trimmed runtime image without the D-Bus classes must still start.
            log.warn("Reading the system's light/dark setting failed; using the light theme", e);
        }
        return SystemTheme.fixed(false);
    }
}
