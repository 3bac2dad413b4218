package io.ntfybar.testserver;

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
            socket.setSoTimeout(10_000);
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

    /** True when the server closed the connection within the timeout (read gives EOF or a reset). */
    boolean closedWithin(int millis) {
        try {
            socket.setSoTimeout(millis);
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** True when nothing at all arrives within the timeout (and the connection stays open). */
    boolean silentFor(int millis) {
        try {
            socket.setSoTimeout(millis);
            int b = in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads and discards whatever arrives until nothing has come for {@code quietMillis}. */
    void drain(int quietMillis) {
        try {
            socket.setSoTimeout(quietMillis);
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // discard
            }
        } catch (SocketTimeoutException e) {
            // quiet now
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void timeout(int millis) {
        try {
            socket.setSoTimeout(millis);
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
