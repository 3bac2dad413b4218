package io.ntfybar.notify.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Action;
import io.ntfybar.notify.Notifier;
import io.ntfybar.render.NotificationSpec;
import io.ntfybar.testsupport.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** POSIX only: the tests run real shell scripts. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in osascript is a POSIX shell script")
class OsascriptNotifierTest {
    @TempDir
    Path tmp;

    private static NotificationSpec spec(String title, String subtitle, String body, String sound) {
        return new NotificationSpec(
                "id",
                "group",
                title,
                subtitle,
                body,
                NotificationSpec.Level.ACTIVE,
                sound,
                false,
                List.of(Action.view("Open", "https://x", false)),
                null,
                "/tmp/some.png");
    }

    @Test
    void literalsEscapeBackslashAndQuoteAndFlattenControlCharacters() {
        assertEquals("\"plain\"", OsascriptNotifier.literal("plain"));
        assertEquals("\"a \\\"b\\\" c\"", OsascriptNotifier.literal("a \"b\" c"));
        assertEquals("\"C:\\\\dir\\\\\"", OsascriptNotifier.literal("C:\\dir\\"));
        assertEquals("\"line1 line2  tab\"", OsascriptNotifier.literal("line1\nline2\r\ttab"));
        assertEquals("\"x y\"", OsascriptNotifier.literal("x\u2028y"));
        assertEquals("\"\"", OsascriptNotifier.literal(null));
        assertEquals("\"émoji 🔥\"", OsascriptNotifier.literal("émoji 🔥"));
    }

    @Test
    void scriptHasTitleSubtitleAndSound() {
        assertEquals(
                "display notification \"Body\" with title \"Title\" subtitle \"Sub\" sound name \"Glass\"",
                OsascriptNotifier.script(spec("Title", "Sub", "Body", NotificationSpec.DEFAULT_SOUND)));
        assertEquals(
                "display notification \"Body\" with title \"Title\" sound name \"Ping\"",
                OsascriptNotifier.script(spec("Title", null, "Body", "Ping")));
        assertEquals(
                "display notification \"Body\" with title \"Title\"",
                OsascriptNotifier.script(spec("Title", null, "Body", null)));
    }

    @Test
    void capabilitiesAreTextOnlyAndAMissingCommandIsUnusable() throws IOException {
        Path script = Files.writeString(tmp.resolve("osascript"), "#!/bin/sh\n");
        try (OsascriptNotifier present = new OsascriptNotifier(script.toString())) {
            assertFalse(present.availability().usable(), "not executable yet");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            assertTrue(present.availability().usable());
        }
        try (OsascriptNotifier n = new OsascriptNotifier("/nonexistent/osascript")) {
            assertEquals(Notifier.Capabilities.TEXT_ONLY, n.capabilities());
            assertFalse(n.availability().usable());
            assertEquals(
                    "osascript was not found at /nonexistent/osascript",
                    n.availability().reason());
            n.withdraw("id"); // does nothing, never throws
            n.show(spec("t", null, "b", null)); // a missing command is logged, never thrown
        }
    }

    /** A real process: a recording script stands in for osascript and writes its argv, one argument per line. */
    @Test
    void hostileTextReachesOsascriptAsOneInertArgument() throws Exception {
        Path argvFile = tmp.resolve("argv");
        Path pwned = tmp.resolve("pwned");
        Path recorder = tmp.resolve("fake-osascript");
        Files.writeString(
                recorder,
                "#!/bin/sh\n"
                        + "for a in \"$@\"; do printf '%s\\n--end-of-arg--\\n' \"$a\"; done > \"" + argvFile
                        + ".tmp\"\n"
                        + "mv \"" + argvFile + ".tmp\" \"" + argvFile + "\"\n");
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwx------"));

        String hostile = "\"; do shell script \"touch " + pwned + "\" --";
        String backslashes = "C:\\temp\\ \\\" end";
        try (OsascriptNotifier n = new OsascriptNotifier(recorder.toString())) {
            n.show(spec(hostile, "sub\nline", backslashes, "Ping\" & (do shell script \"touch " + pwned + "\")"));
            Await.until("the recording script to run", () -> Files.exists(argvFile));
        }
        String recorded = Files.readString(argvFile, StandardCharsets.UTF_8);
        String expectedScript = "display notification \"C:\\\\temp\\\\ \\\\\\\" end\""
                + " with title \"\\\"; do shell script \\\"touch " + pwned + "\\\" --\""
                + " subtitle \"sub line\""
                + " sound name \"Ping\\\" & (do shell script \\\"touch " + pwned + "\\\")\"";
        assertEquals("-e\n--end-of-arg--\n" + expectedScript + "\n--end-of-arg--\n", recorded);
        assertFalse(Files.exists(pwned), "nothing was executed");
    }

    @Test
    void afterCloseNothingRuns() throws IOException, InterruptedException {
        Path marker = tmp.resolve("ran");
        Path recorder = tmp.resolve("fake-osascript");
        Files.writeString(recorder, "#!/bin/sh\ntouch \"" + marker + "\"\n");
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwx------"));
        OsascriptNotifier n = new OsascriptNotifier(recorder.toString());
        n.show(spec("before", null, "b", null));
        Await.until("the script to run for the notification before close", () -> Files.exists(marker));
        Files.delete(marker);
        n.close();
        n.show(spec("t", null, "b", null));
        // Whatever show queued runs on the notifier's one thread, which ends once close has let its queue run dry:
        // after that, a script started for the notification after close would have left its marker.
        Await.until("the notifier's thread to end", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("ntfybar-osascript")));
        assertFalse(Files.exists(marker));
    }
}
