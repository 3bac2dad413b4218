package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Publisher-chosen file names become one safe path element. */
class FileNamesTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("photo.jpg", "photo.jpg"),
                Arguments.of("Résumé 2024.pdf", "Résumé 2024.pdf"),
                Arguments.of("Re\u0301sume\u0301.pdf", "Résumé.pdf"), // NFD becomes NFC
                Arguments.of("../../etc/passwd", "_.._etc_passwd"),
                Arguments.of("..\\..\\x", "_.._x"),
                Arguments.of("a/../../b", "a_.._.._b"),
                Arguments.of("/etc/passwd", "_etc_passwd"),
                Arguments.of("C:\\Windows\\win.ini", "C__Windows_win.ini"),
                Arguments.of(".bashrc", "bashrc"),
                Arguments.of("...hidden.txt", "hidden.txt"),
                Arguments.of(".", "attachment"),
                Arguments.of("..", "attachment"),
                Arguments.of("", "attachment"),
                Arguments.of("   ", "attachment"),
                Arguments.of("\u0000\u0001\u001F", "attachment"),
                Arguments.of("a\u0000b.txt", "ab.txt"),
                Arguments.of("line\nbreak.txt", "line break.txt"),
                Arguments.of("tab\there.txt", "tab here.txt"),
                Arguments.of("\u202Egnp.exe", "gnp.exe"),
                Arguments.of("invoice\u202Efdp.exe", "invoicefdp.exe"),
                Arguments.of("zero\u200Bwidth\uFEFF.txt", "zerowidth.txt"),
                Arguments.of("bidi\u2066isolate\u2069.txt", "bidiisolate.txt"),
                Arguments.of("lone\uD800surrogate.txt", "lonesurrogate.txt"),
                Arguments.of("para\u2029sep.txt", "para sep.txt"),
                Arguments.of("nb\u00A0space.txt", "nb space.txt"),
                Arguments.of("CON", "_CON"),
                Arguments.of("CON.txt", "_CON.txt"),
                Arguments.of("con.tar.gz", "_con.tar.gz"),
                Arguments.of("nul", "_nul"),
                Arguments.of("Com1.log", "_Com1.log"),
                Arguments.of("LPT9", "_LPT9"),
                Arguments.of("com¹.txt", "_com¹.txt"),
                Arguments.of("CONSOLE.txt", "CONSOLE.txt"),
                Arguments.of("trailing. . .", "trailing"),
                Arguments.of("name.txt.", "name.txt"),
                Arguments.of("what?.txt", "what_.txt"),
                Arguments.of("a<b>c:d*e|f\"g.txt", "a_b_c_d_e_f_g.txt"),
                Arguments.of("-rf", "_rf"),
                Arguments.of("--help.txt", "_-help.txt"),
                Arguments.of("emoji 🎉.png", "emoji 🎉.png"));
    }

    @ParameterizedTest
    @MethodSource
    void names(String untrusted, String safe) {
        String s = FileNames.sanitize(untrusted);
        assertEquals(safe, s);
        assertSafe(s);
    }

    static void assertSafe(String s) {
        assertFalse(s.isEmpty());
        assertFalse(s.contains("/") || s.contains("\\") || s.contains("\0"), s);
        assertFalse(s.startsWith(".") || s.startsWith(" ") || s.endsWith(".") || s.endsWith(" "), s);
        assertTrue(s.codePoints().noneMatch(Snippet::isHidden), s);
        assertTrue(s.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_BYTES, s);
        Path base = Path.of("/cache");
        assertEquals(base, base.resolve(s).normalize().getParent(), s);
    }

    @Test
    void nullIsTheFallback() {
        assertEquals("attachment", FileNames.sanitize(null));
    }

    @Test
    void longNamesAreCutToTwoHundredBytesKeepingTheExtension() {
        String s = FileNames.sanitize("a".repeat(500) + ".png");
        assertEquals(200, s.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(s.endsWith("aaa.png"), s);
        assertSafe(s);

        String multiByte = FileNames.sanitize("ä".repeat(300) + ".jpeg");
        assertTrue(multiByte.endsWith("ä.jpeg"), multiByte);
        assertEquals(199, multiByte.getBytes(StandardCharsets.UTF_8).length); // 97 × 2 bytes + 5, no half character
        assertSafe(multiByte);

        String emoji = FileNames.sanitize("🎉".repeat(100));
        assertEquals(200, emoji.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("🎉".repeat(50), emoji);

        String longExtension = FileNames.sanitize("x." + "y".repeat(300));
        assertEquals(200, longExtension.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(longExtension.startsWith("x.yyy"), longExtension);

        String cutAtDots = FileNames.sanitize("a" + ".".repeat(300) + "b");
        assertEquals("a.b", cutAtDots); // cut inside the dots, trailing dots removed, extension kept
    }

    @Test
    void numberedNamesGoBeforeTheExtension() {
        assertEquals("photo (2).png", FileNames.numbered("photo.png", 2));
        assertEquals("attachment (3)", FileNames.numbered("attachment", 3));
        assertEquals("archive.tar (2).gz", FileNames.numbered("archive.tar.gz", 2));
    }
}
