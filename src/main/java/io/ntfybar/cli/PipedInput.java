package io.ntfybar.cli;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Standard input to publish, told apart without changing a byte: UTF-8 text becomes the message; anything else is sent
 * unchanged as the request body, which the server keeps as an attachment, as ntfy's server does with a body that is
 * not UTF-8 or too long for a message.
 */
final class PipedInput {
    /**
     * At most this much is read before deciding. Input that ends within it is judged whole; longer input is an
     * attachment whatever it holds (the server keeps only 4096 bytes as a message), so it is streamed, never held.
     */
    static final int BUFFERED = 64 * 1024;

    private final String text;
    private final InputStream body;

    private PipedInput(String text, InputStream body) {
        this.text = text;
        this.body = body;
    }

    /** Reads up to {@link #BUFFERED} bytes of {@code in}, and only the rest of a longer input while it is sent. */
    static PipedInput read(InputStream in) throws IOException {
        byte[] head = in.readNBytes(BUFFERED + 1);
        if (head.length <= BUFFERED) {
            String text = strictUtf8(head);
            return text != null ? new PipedInput(text, null) : new PipedInput(null, new ByteArrayInputStream(head));
        }
        // SequenceInputStream closes each part at its end; standard input belongs to the process and stays open.
        InputStream rest = new FilterInputStream(in) {
            @Override
            public void close() {}
        };
        return new PipedInput(null, new SequenceInputStream(new ByteArrayInputStream(head), rest));
    }

    /** Whether the whole input was valid UTF-8 of at most {@link #BUFFERED} bytes. */
    boolean isText() {
        return text != null;
    }

    /** The input decoded, when {@link #isText()}; otherwise null. */
    String text() {
        return text;
    }

    /** Every byte of the input, unchanged, when it is not {@link #isText() text}; otherwise null. Read it once. */
    InputStream body() {
        return body;
    }

    /** {@code b} as a string when it is valid UTF-8, else null; a lossy decode would put U+FFFD in its place. */
    static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
