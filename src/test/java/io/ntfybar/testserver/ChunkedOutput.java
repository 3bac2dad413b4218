package io.ntfybar.testserver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes an HTTP/1.1 chunked body: each {@link #write} call is one chunk, exactly the bytes given. */
final class ChunkedOutput {
    private final OutputStream out;

    ChunkedOutput(OutputStream out) {
        this.out = out;
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return; // an empty chunk would end the body
        }
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write(new byte[] {'\r', '\n'});
    }

    void flush() throws IOException {
        out.flush();
    }

    void finish() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
