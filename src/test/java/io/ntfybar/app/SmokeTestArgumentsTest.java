package io.ntfybar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The smoke flag's own command line. The smoke test itself runs against the installed package in
 * packaging/linux/ci-package-test.sh and in every package build (packaging/jpackage.sh).
 */
class SmokeTestArgumentsTest {
    @Test
    void onlyTheFlagInFirstPlaceStartsIt() {
        assertTrue(SmokeTest.wanted(new String[] {"--smoke-test"}));
        assertTrue(SmokeTest.wanted(new String[] {"--smoke-test", "http://127.0.0.1:1"}));
        assertFalse(SmokeTest.wanted(new String[] {}));
        assertFalse(SmokeTest.wanted(new String[] {"publish", "--smoke-test"}));
    }

    @Test
    void aBadServerOrTooManyArgumentsIsAUsageErrorInOneSentence() {
        assertUsageError(new String[] {"--smoke-test", "a", "b"}, "takes at most one argument");
        assertUsageError(new String[] {"--smoke-test", "ftp://example.com"}, "http:// or https://");
    }

    private static void assertUsageError(String[] args, String expected) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = SmokeTest.run(args);
        } finally {
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        assertTrue(text.startsWith("ntfybar: --smoke-test ") && text.contains(expected), text);
        assertTrue(text.contains("usage: ntfybar --smoke-test [SERVER_URL]"), text);
        assertEquals(1, text.strip().lines().count(), "one line: " + text);
    }
}
