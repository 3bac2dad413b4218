package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntfybar.settings.ShellWords;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The texts and tags of {@link Finished} and the shell quoting behind them, as tables. */
class FinishedTest {
    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0      | 0:00 minutes",
                "10     | 0:10 minutes",
                "65     | 1:05 minutes",
                "599    | 9:59 minutes",
                "3599   | 59:59 minutes",
                "3600   | 1:00:00 hours",
                "3725   | 1:02:05 hours",
                "90061  | 25:01:01 hours",
                "-5     | 0:00 minutes",
            })
    void elapsedIsMinutesBelowAnHourAndHoursFromThere(long seconds, String expected) {
        assertEquals(expected, Finished.elapsed(Duration.ofSeconds(seconds)));
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {"9999 | 0:09 minutes", "10999 | 0:10 minutes", "59999 | 0:59 minutes"})
    void secondsAreTruncatedNeverRoundedUp(long millis, String expected) {
        assertEquals(expected, Finished.elapsed(Duration.ofMillis(millis)));
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(
                        Finished.command(List.of("sleep", "10"), 0, Duration.ofSeconds(10)),
                        "\"sleep 10\" succeeded in 0:10 minutes",
                        "white_check_mark"),
                Arguments.of(
                        Finished.command(List.of("make"), 2, Duration.ofSeconds(65)),
                        "\"make\" failed (exit 2) in 1:05 minutes",
                        "x"),
                Arguments.of(
                        Finished.command(List.of("sh", "-c", "sleep 2; exit 3"), 3, Duration.ofMillis(2_040)),
                        "\"sh -c 'sleep 2; exit 3'\" failed (exit 3) in 0:02 minutes",
                        "x"),
                Arguments.of(
                        Finished.command(List.of("rsync", "-a", "My Files/", "/mnt/it's"), 0, Duration.ofHours(2)),
                        "\"rsync -a 'My Files/' '/mnt/it'\\''s'\" succeeded in 2:00:00 hours",
                        "white_check_mark"),
                Arguments.of(
                        Finished.command(List.of("no-such-program"), 127, Duration.ZERO),
                        "\"no-such-program\" failed (exit 127) in 0:00 minutes",
                        "x"),
                Arguments.of(
                        Finished.text("  make -j4 && make install\n", 0, Duration.ofSeconds(754)),
                        "\"make -j4 && make install\" succeeded in 12:34 minutes",
                        "white_check_mark"),
                Arguments.of(
                        Finished.process(1234, "rsync", Duration.ofSeconds(42)),
                        "Process 1234 (\"rsync\") finished in 0:42 minutes",
                        "checkered_flag"),
                Arguments.of(
                        Finished.process(99, null, Duration.ofSeconds(3601)),
                        "Process 99 finished in 1:00:01 hours",
                        "checkered_flag"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("messages")
    void messageAndTagAreTheIssuesTexts(Finished f, String message, String tag) {
        assertEquals(message, f.message());
        assertEquals(List.of(tag), f.tags());
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "sleep         | sleep",
                "a b           | 'a b'",
                "it's          | 'it'\\''s'",
                "$HOME         | '$HOME'",
                "*.txt         | '*.txt'",
                "--opt=1,2     | --opt=1,2",
                "=x            | '=x'",
                "~/x           | '~/x'",
                "\"\"          | ''",
                "/usr/bin/java | /usr/bin/java",
                "\"a\nb\"      | \"'a\nb'\"",
            })
    void wordsAreQuotedOnlyWhenAShellWouldNeedIt(String word, String quoted) {
        assertEquals(quoted, ShellWords.quote(word));
    }
}
