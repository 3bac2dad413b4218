package io.ntfybar.testserver;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reads HTTP/1.1 requests from a connection, byte by byte where the framing needs it. Not thread-safe. */
final class RequestReader {
    /** All header lines together may not be longer; ntfy (Go) allows about 1 MB. */
    static final int HEADER_LIMIT = 1024 * 1024;

    /** A request line or header block over its limit; the answer is {@link #status} and the connection closes. */
    static final class TooLong extends IOException {
        final int status;

        TooLong(int status) {
            super("too long");
            this.status = status;
        }
    }

    /** A body over the limit the caller gave. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("body too large");
        }
    }

    private final InputStream in;
    private final int requestLineLimit;

    RequestReader(InputStream in, int requestLineLimit) {
        this.in = in;
        this.requestLineLimit = requestLineLimit;
    }

    /** The next request without its body, or null when the peer closed the connection between requests. */
    HttpRequest next() throws IOException {
        String line;
        do {
            line = readLine(requestLineLimit, 414);
            if (line == null) {
                return null;
            }
        } while (line.isEmpty()); // tolerate stray CRLFs between requests (RFC 9112 section 2.2)
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new TooLong(400);
        }
        Map<String, String> headers = new HashMap<>();
        int total = 0;
        while (true) {
            String h = readLine(HEADER_LIMIT - total, 431);
            if (h == null) {
                throw new EOFException("connection closed inside the headers");
            }
            if (h.isEmpty()) {
                break;
            }
            total += h.length() + 2;
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new TooLong(400);
            }
            headers.putIfAbsent(
                    h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    h.substring(colon + 1).trim());
        }
        return new HttpRequest(parts[0], parts[1], parts[2], headers);
    }

    /** Reads the body of {@code req}; more than {@code cap} bytes throws {@link BodyTooLarge}. */
    byte[] body(HttpRequest req, long cap) throws IOException {
        if (req.chunked()) {
            return chunkedBody(cap);
        }
        long len = req.contentLength();
        if (len <= 0) {
            return new byte[0];
        }
        if (len > cap) {
            throw new BodyTooLarge();
        }
        return in.readNBytes((int) len);
    }

    private byte[] chunkedBody(long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(1024, 400);
            if (size == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semi = size.indexOf(';');
            long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                String trailer;
                do {
                    trailer = readLine(HEADER_LIMIT, 431);
                } while (trailer != null && !trailer.isEmpty());
                return out.toByteArray();
            }
            if (out.size() + n > cap) {
                throw new BodyTooLarge();
            }
            out.write(in.readNBytes((int) n));
            readLine(2, 400);
        }
    }

    /** A line without its CRLF (a bare LF is accepted), as ISO-8859-1; null on EOF before the first byte. */
    private String readLine(int limit, int statusWhenTooLong) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (b.length() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            if (c == '\n') {
                int len = b.length();
                if (len > 0 && b.charAt(len - 1) == '\r') {
                    b.setLength(len - 1);
                }
                if (b.length() > limit) {
                    throw new TooLong(statusWhenTooLong);
                }
                return b.toString();
            }
            b.append((char) c);
            if (b.length() > limit + 1) { // +1 for a CR that may end the line
                throw new TooLong(statusWhenTooLong);
            }
        }
    }

    /** Header values arrive as ISO-8859-1 characters; reinterpret them as the UTF-8 bytes they usually are. */
    static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
