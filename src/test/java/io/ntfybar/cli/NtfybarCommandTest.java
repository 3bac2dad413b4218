package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NtfybarCommandTest {
    private String captureOut(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpDescribesTheToolAndExitsZero() {
        int[] code = new int[1];
        String out = captureOut(() -> code[0] = NtfybarCommand.run("--help"));
        assertEquals(0, code[0]);
        assertTrue(out.contains("Usage: ntfybar"), out);
        assertTrue(out.contains("--version"), out);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        int[] code = new int[1];
        String out = captureOut(() -> code[0] = NtfybarCommand.run("--version"));
        assertEquals(0, code[0]);
        assertTrue(out.matches("(?s)ntfybar \\d+\\.\\d+\\.\\d+.*"), out);
    }

    @Test
    void unknownCommandIsAUsageError() {
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, NtfybarCommand.run("no-such-command"));
        } finally {
            System.setErr(oldErr);
        }
    }
}
