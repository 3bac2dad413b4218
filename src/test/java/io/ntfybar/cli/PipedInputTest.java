package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How standard input is told apart: text for the message, or bytes sent on unchanged. */
class PipedInputTest {
    /** Counts what was taken from the input and whether it was closed. */
    private static final class Watched extends FilterInputStream {
        long read;
        boolean closed;

        Watched(byte[] b) {
            super(new ByteArrayInputStream(b));
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            read += c < 0 ? 0 : 1;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void validUtf8IsTheText() throws Exception {
        String text = "zwei 🎉\nZeilen: café";
        PipedInput p = PipedInput.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(p.isText());
        assertEquals(text, p.text());
        assertNull(p.body());
    }

    @Test
    void invalidUtf8IsTheSameBytesNotText() throws Exception {
        // Latin-1, an overlong slash and an encoded surrogate: all of them a lossy decoder would turn into U+FFFD.
        for (byte[] bad : new byte[][] {
            {'c', 'a', 'f', (byte) 0xE9}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
        }) {
            PipedInput p = PipedInput.read(new ByteArrayInputStream(bad));
            assertFalse(p.isText(), Arrays.toString(bad));
            assertNull(p.text());
            assertArrayEquals(bad, p.body().readAllBytes());
        }
    }

    @Test
    void longInputIsDecidedFromTheBufferAndTheRestIsStreamed() throws Exception {
        byte[] data = new byte[1024 * 1024];
        new Random(3).nextBytes(data);
        Watched in = new Watched(data);
        PipedInput p = PipedInput.read(in);
        assertFalse(p.isText());
        assertEquals(PipedInput.BUFFERED + 1, in.read, "read before deciding");
        try (InputStream body = p.body()) {
            assertArrayEquals(data, body.readAllBytes());
        }
        assertFalse(in.closed, "standard input is left open");
    }

    @Test
    void utf8LongerThanTheBufferIsSentAsBytes() throws Exception {
        byte[] data = "ü".repeat(PipedInput.BUFFERED).getBytes(StandardCharsets.UTF_8);
        PipedInput p = PipedInput.read(new ByteArrayInputStream(data));
        assertFalse(p.isText(), "too long for a message, so it goes as an attachment");
        assertArrayEquals(data, p.body().readAllBytes());

        byte[] fits = "a".repeat(PipedInput.BUFFERED).getBytes(StandardCharsets.UTF_8);
        assertEquals(
                new String(fits, StandardCharsets.UTF_8),
                PipedInput.read(new ByteArrayInputStream(fits)).text());
    }
}
