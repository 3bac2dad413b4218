package io.ntfybar.testserver;

import io.ntfybar.testsupport.Await;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A raw HTTP/1.1 client socket for byte-exact assertions on framing and faults. */
final class RawConnection implements AutoCloseable {
    record Head(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(NtfyTestServer server) {
        try {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout((int) Await.DEFAULT_DEADLINE.toMillis());
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawConnection send(String s) {
        return send(s.getBytes(StandardCharsets.UTF_8));
    }

    RawConnection send(byte[] b) {
        try {
            out.write(b);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code GET target} with a Host header (keep-alive). */
    RawConnection get(String target) {
        return send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }

    Head readHead() {
        String status = line();
        if (status == null) {
            throw new AssertionError("connection closed before a response");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while (!(h = line()).isEmpty()) {
            int colon = h.indexOf(':');
            headers.put(
                    h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    h.substring(colon + 1).trim());
        }
        return new Head(Integer.parseInt(status.split(" ")[1]), headers);
    }

    /** The body of a response with Content-Length. */
    byte[] readBody(Head head) {
        try {
            return in.readNBytes(Integer.parseInt(head.header("content-length")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data of the next chunk of a chunked body; null for the last (empty) chunk. */
    byte[] readChunk() {
        try {
            String size = line();
            if (size == null) {
                throw new AssertionError("connection closed inside a chunked body");
            }
            int n = Integer.parseInt(size.trim(), 16);
            if (n == 0) {
                return null;
            }
            byte[] data = in.readNBytes(n);
            line();
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and discards until the server closes the connection (or resets it); false only if it is still open at the
     * deadline. Bytes already on their way (a keepalive written just before) do not count as staying open.
     */
    boolean closesEventually() {
        try {
            socket.setSoTimeout((int) Await.DEFAULT_DEADLINE.toMillis());
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** What has arrived and not been read yet, without consuming it and without waiting. */
    String peekAvailable() {
        try {
            in.mark(1 << 20);
            byte[] b = in.readNBytes(in.available());
            in.reset();
            return new String(b, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                b.write(c);
            }
            if (c < 0 && b.size() == 0) {
                return null;
            }
            String s = b.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
