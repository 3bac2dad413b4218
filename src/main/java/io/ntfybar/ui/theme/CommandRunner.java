package io.ntfybar.ui.theme;

import java.util.List;
import java.util.Optional;

/**
 * Runs a program (no shell) and returns what it printed. A port so that each platform's parsing is tested with
 * captured output on any OS.
 */
@FunctionalInterface
public interface CommandRunner {
    /** The program's exit code and standard output; empty when it could not be started or did not finish in time. */
    Optional<Result> run(List<String> command);

    record Result(int exitCode, String stdout) {}

    /** The real runner: {@link ProcessBuilder}, 2 s timeout. */
    static CommandRunner processes() {
        return new ProcessCommandRunner(java.time.Duration.ofSeconds(2));
    }
}
