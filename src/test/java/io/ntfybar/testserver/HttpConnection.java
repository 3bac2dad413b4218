package io.ntfybar.testserver;

import io.ntfybar.model.Message;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One client connection, served on its own thread: HTTP/1.1 requests with keep-alive, until the client closes, a
 * response needs the connection closed, or a subscriber stream ends.
 */
final class HttpConnection implements Runnable {
    private final Socket socket;
    private final NtfyTestServer server;
    private final Hub hub;
    private final Router router;
    private final StallGate gate;

    HttpConnection(Socket socket, NtfyTestServer server, Hub hub, Router router, StallGate gate) {
        this.socket = socket;
        this.server = server;
        this.hub = hub;
        this.router = router;
        this.gate = gate;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            RequestReader reader = new RequestReader(in, hub.config.requestLineLimit());
            while (!socket.isClosed()) {
                if (!serveOne(reader, in, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the connection was dropped on purpose
        } finally {
            server.forget(socket);
        }
    }

    /** Serves one request; false when the connection is done. */
    private boolean serveOne(RequestReader reader, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        HttpRequest req;
        try {
            req = reader.next();
        } catch (RequestReader.TooLong e) {
            gate.pass(socket::isClosed);
            byte[] text = (e.status + " " + Response.reason(e.status) + "\n").getBytes(StandardCharsets.US_ASCII);
            writeHead(out, e.status, Map.of("Content-Type", "text/plain; charset=utf-8"), text.length, true);
            out.write(text);
            out.flush();
            lingerClose(in);
            return false;
        }
        if (req == null) {
            return false;
        }
        server.recordRequest(req.requestLine(), req.headers());
        boolean close = req.wantsClose();
        Response resp = server.takeInjectedFailure();
        long cap = bodyCap(req);
        if (resp == null && (req.contentLength() > cap)) {
            resp = Response.error(tooLarge(req));
            close = true;
        } else {
            if ("100-continue".equalsIgnoreCase(req.header("expect"))) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            try {
                req.body = reader.body(req, cap);
            } catch (RequestReader.BodyTooLarge e) {
                resp = Response.error(tooLarge(req));
                close = true;
            }
        }
        if (resp == null) {
            resp = router.handle(req, server.baseUrl());
        }
        gate.pass(socket::isClosed);
        if (resp.stream != null) {
            stream(resp, in, out);
            return false;
        }
        writeHead(out, resp.status, resp.headers, resp.body.length, close);
        if (!req.method.equals("HEAD")) {
            out.write(resp.body);
        }
        out.flush();
        if (close) {
            lingerClose(in);
            return false;
        }
        return true;
    }

    private void stream(Response resp, InputStream in, OutputStream out) throws IOException, InterruptedException {
        Subscriber s = resp.stream;
        try {
            Thread watcher = new Thread(
                    () -> {
                        try {
                            while (in.read() >= 0) {
                                // a subscriber sends nothing more; just wait for the end of the connection
                            }
                        } catch (IOException e) {
                            // closed
                        }
                        s.close();
                    },
                    "ntfy-test-server-stream-watcher");
            watcher.setDaemon(true);
            watcher.start();
            resp.headers.put("Transfer-Encoding", "chunked");
            resp.headers.put("Cache-Control", "no-cache");
            writeHead(out, 200, resp.headers, -1, false);
            ChunkedOutput chunks = new ChunkedOutput(out);
            for (Message m : resp.initial) {
                chunks.write(s.framing.frame(m));
            }
            chunks.flush();
            s.pump(chunks, gate, hub.config.keepalive().toMillis(), hub.keepalivesSent::incrementAndGet);
        } finally {
            s.close();
            hub.unregister(s);
            socket.close();
        }
    }

    private long bodyCap(HttpRequest req) {
        if (req.path.equals("/")) {
            return 8192;
        }
        return hub.config.attachmentsEnabled() ? hub.config.attachmentFileSizeLimit() : 16L * 1024 * 1024;
    }

    private HttpError tooLarge(HttpRequest req) {
        if (req.path.equals("/")) {
            return HttpError.JSON_TOO_LARGE;
        }
        return hub.config.attachmentsEnabled() ? HttpError.ATTACHMENT_TOO_LARGE : HttpError.ATTACHMENTS_DISABLED;
    }

    private static void writeHead(OutputStream out, int status, Map<String, String> headers, long length, boolean close)
            throws IOException {
        StringBuilder b = new StringBuilder("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(Response.reason(status))
                .append("\r\n");
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        if (length >= 0) {
            b.append("Content-Length: ").append(length).append("\r\n");
        }
        if (close) {
            b.append("Connection: close\r\n");
        }
        b.append("\r\n");
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closes after an answer sent before the whole request was read: first shut down the sending side, then read
     * what the client still sends for a moment, so that the answer is not lost to a TCP reset.
     */
    private void lingerClose(InputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(500);
            byte[] buf = new byte[65536];
            long deadline = System.currentTimeMillis() + 2000;
            while (System.currentTimeMillis() < deadline && in.read(buf) >= 0) {
                // discard
            }
        } catch (SocketTimeoutException e) {
            // the client is quiet; close now
        } catch (IOException e) {
            // already closed
        }
    }
}
