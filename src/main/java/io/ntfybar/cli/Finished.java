package io.ntfybar.cli;

import io.ntfybar.settings.ShellWords;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a command or process ended, as {@code ntfybar done} and the shell integration report it: the command as a shell
 * would show it, its exit code (unknown for a process that ntfybar did not start) and how long it ran. Immutable; the
 * formatting is pure.
 *
 * <p>Durations are shown as {@code M:SS minutes} below one hour ({@code 0:10 minutes}, {@code 59:59 minutes}) and as
 * {@code H:MM:SS hours} from one hour on ({@code 1:05:00 hours}); seconds are truncated, never rounded up, so a command
 * is never said to have run longer than it did.
 */
final class Finished {
    /** The tag of a command that exited 0 (✅). */
    static final String SUCCESS_TAG = "white_check_mark";
    /** The tag of a command that exited non-zero or could not be started (❌). */
    static final String FAILURE_TAG = "x";
    /** The tag of a process whose exit code is unknown (🏁). */
    static final String PROCESS_TAG = "checkered_flag";

    private final String command;
    private final long pid;
    private final OptionalInt exitCode;
    private final Duration duration;

    private Finished(String command, long pid, OptionalInt exitCode, Duration duration) {
        this.command = command;
        this.pid = pid;
        this.exitCode = exitCode;
        this.duration = duration.isNegative() ? Duration.ZERO : duration;
    }

    /** A command that ntfybar ran itself: its words are quoted as a shell would show them ({@code sleep 10}). */
    static Finished command(List<String> words, int exitCode, Duration duration) {
        return text(ShellWords.command(words), exitCode, duration);
    }

    /** A command line exactly as the user typed it (the shell integration reports these), stripped. */
    static Finished text(String commandLine, int exitCode, Duration duration) {
        return new Finished(commandLine.strip(), -1, OptionalInt.of(exitCode), Objects.requireNonNull(duration));
    }

    /** A process ntfybar waited for but did not start; {@code name} is null when the OS does not tell it. */
    static Finished process(long pid, String name, Duration duration) {
        return new Finished(name == null || name.isBlank() ? null : name, pid, OptionalInt.empty(), duration);
    }

    /** The exit code; empty for a process ntfybar did not start. */
    OptionalInt exitCode() {
        return exitCode;
    }

    Duration duration() {
        return duration;
    }

    boolean failed() {
        return exitCode.isPresent() && exitCode.getAsInt() != 0;
    }

    /**
     * The message text: {@code "sleep 10" succeeded in 0:10 minutes}, {@code "make" failed (exit 2) in 1:05 minutes},
     * {@code Process 1234 ("sleep") finished in 0:42 minutes}.
     */
    String message() {
        String in = " in " + elapsed(duration);
        if (exitCode.isEmpty()) {
            return "Process " + pid + (command == null ? "" : " (\"" + command + "\")") + " finished" + in;
        }
        int code = exitCode.getAsInt();
        return "\"" + command + "\"" + (code == 0 ? " succeeded" : " failed (exit " + code + ")") + in;
    }

    /** One tag (an emoji shortcode ntfy shows as the emoji): success, failure, or finished with an unknown result. */
    List<String> tags() {
        if (exitCode.isEmpty()) {
            return List.of(PROCESS_TAG);
        }
        return List.of(failed() ? FAILURE_TAG : SUCCESS_TAG);
    }

    /** {@code M:SS minutes} below an hour, else {@code H:MM:SS hours}; seconds truncated. */
    static String elapsed(Duration d) {
        long total = Math.max(0, d.getSeconds());
        long h = total / 3600;
        long m = total / 60 % 60;
        long s = total % 60;
        if (h == 0) {
            return String.format(Locale.ROOT, "%d:%02d minutes", m, s);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d hours", h, m, s);
    }
}
