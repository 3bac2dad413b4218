package io.ntfybar.app.logging;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points Logback at the platform log folder before the first logger is created. Logback reads these system
 * properties in {@code logback.xml}; call {@link #init} first thing in {@code main}, before any {@code LoggerFactory}
 * use, or the defaults (log folder in the working directory's {@code logs/}) apply.
 */
public final class LogSetup {
    public static final String DIR_PROPERTY = "ntfybar.logdir";
    public static final String STDERR_LEVEL_PROPERTY = "ntfybar.stderr.level";

    private LogSetup() {}

    /**
     * @param logDir where {@code ntfybar.log} goes; created if missing (when it cannot be, the file log is lost but
     *     stderr still works)
     * @param stderrLevel the lowest level also written to stderr, e.g. {@code WARN} for the CLI
     */
    public static void init(Path logDir, String stderrLevel) {
        try {
            Files.createDirectories(logDir);
        } catch (Exception e) {
            System.err.println("ntfybar: cannot create the log folder " + logDir + ": " + e.getMessage());
        }
        setIfAbsent(DIR_PROPERTY, logDir.toAbsolutePath().toString());
        setIfAbsent(STDERR_LEVEL_PROPERTY, stderrLevel);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
