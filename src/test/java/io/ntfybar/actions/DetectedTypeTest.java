package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** File types by magic bytes, and byte counts for people. */
class DetectedTypeTest {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void magicBytes() {
        assertEquals(DetectedType.JPEG, DetectedType.of(bytes(0xFF, 0xD8, 0xFF, 0xDB), 4));
        assertEquals(DetectedType.PNG, DetectedType.of(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A), 8));
        assertEquals(DetectedType.GIF, DetectedType.of("GIF87a".getBytes(StandardCharsets.US_ASCII), 6));
        assertEquals(
                DetectedType.WEBP, DetectedType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 16));
        assertEquals(DetectedType.OTHER, DetectedType.of("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII), 12));
        assertEquals(DetectedType.OTHER, DetectedType.of("RIFF\0\0\0\0WEB".getBytes(StandardCharsets.US_ASCII), 11));
        assertEquals(DetectedType.OTHER, DetectedType.of(bytes(0xFF, 0xD8), 2));
        assertEquals(DetectedType.OTHER, DetectedType.of(bytes(0xFF, 0xD8, 0xFF), 2)); // only what was read counts
        assertEquals(DetectedType.OTHER, DetectedType.of(new byte[0], 0));
        assertEquals(DetectedType.OTHER, DetectedType.of("<svg>".getBytes(StandardCharsets.US_ASCII), 5));
        assertEquals(DetectedType.OTHER, DetectedType.of("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 8));
    }

    @Test
    void sizesForPeople() {
        assertEquals("0 bytes", Sizes.shown(0));
        assertEquals("1 byte", Sizes.shown(1));
        assertEquals("1023 bytes", Sizes.shown(1023));
        assertEquals("1 kB", Sizes.shown(1024));
        assertEquals("100 kB", Sizes.shown(AutoDownload.KB_100.limitBytes()));
        assertEquals("1 MB", Sizes.shown(AutoDownload.MB_1.limitBytes()));
        assertEquals("5.2 MB", Sizes.shown(5_452_595));
        assertEquals("50 MB", Sizes.shown(AutoDownload.MB_50.limitBytes()));
    }
}
