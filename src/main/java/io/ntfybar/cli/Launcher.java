package io.ntfybar.cli;

import io.ntfybar.settings.AppLauncher;
import io.ntfybar.settings.ShellWords;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a shell can start this same ntfybar again, as a command prefix quoted for POSIX shells: the installed launcher
 * when ntfybar runs from one (jpackage sets {@code jpackage.app-path}), else this Java with {@code -jar} and this jar.
 * The system property {@code ntfybar.launcher} (a prefix, already quoted) overrides both: for running from classes
 * (tests, an IDE), where there is no jar to name.
 */
final class Launcher {
    /** Options for the short background runs of the shell integration: a small heap, a quick start, UTF-8 as the app. */
    static final String JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8";

    private Launcher() {}

    /** The prefix, or empty when ntfybar runs from a class folder and no override is set. */
    static Optional<String> prefix() {
        String override = System.getProperty("ntfybar.launcher");
        if (override != null && !override.isBlank()) {
            return Optional.of(override.strip());
        }
        String app = System.getProperty("jpackage.app-path");
        if (app != null && !app.isBlank()) {
            return Optional.of(ShellWords.quote(app));
        }
        return AppLauncher.jar()
                .map(jar -> ShellWords.quote(java()) + " " + JVM_OPTIONS + " -jar " + ShellWords.quote(jar.toString()));
    }

    private static String java() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
