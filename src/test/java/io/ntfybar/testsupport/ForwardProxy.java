package io.ntfybar.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP forward proxy on 127.0.0.1 for tests: {@code CONNECT host:port} tunnels (for https) and absolute-URI
 * requests ({@code GET http://host:port/path}, for http), optionally asking for Basic proxy credentials (407). Every
 * host name it is asked for is reached on 127.0.0.1 with the same port, so that tests can use names such as
 * {@code ntfy.test} that nothing else resolves: a request that reaches the server by such a name went through here.
 */
public final class ForwardProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String expectedAuthorization;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /** @param user with {@code password}, the credentials it asks for; null: none asked */
    public ForwardProxy(String user, String password) {
        expectedAuthorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::accept, "test-forward-proxy");
        t.setDaemon(true);
        t.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every request line it served (after authentication), e.g. {@code CONNECT ntfy.test:443}. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "test-forward-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] line = head.get(0).split(" ");
                if (expectedAuthorization != null
                        && !expectedAuthorization.equals(header(head, "proxy-authorization"))) {
                    String length = header(head, "content-length");
                    in.readNBytes(length == null ? 0 : Integer.parseInt(length)); // the refused request's body
                    out.write(
                            ("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                                            + "Content-Length: 0\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                requests.add(line[0] + " " + line[1]);
                if (line[0].equals("CONNECT")) {
                    Socket upstream = connect(line[1]);
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    pipe(client, upstream);
                    return;
                }
                java.net.URI target = java.net.URI.create(line[1]);
                Socket upstream = connect(target.getHost() + ":" + (target.getPort() > 0 ? target.getPort() : 80));
                StringBuilder forwarded = new StringBuilder(line[0] + " " + target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " " + line[2] + "\r\n");
                for (String h : head.subList(1, head.size())) {
                    String name = h.substring(0, h.indexOf(':')).toLowerCase(Locale.ROOT);
                    if (!name.startsWith("proxy-") && !name.equals("connection")) {
                        forwarded.append(h).append("\r\n");
                    }
                }
                forwarded.append("Connection: close\r\n\r\n");
                upstream.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                upstream.getOutputStream().flush();
                pipe(client, upstream);
                return;
            }
        } catch (IOException e) {
            // a test ended the connection
        } finally {
            open.remove(client);
        }
    }

    private Socket connect(String hostPort) throws IOException {
        int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        open.add(s);
        return s;
    }

    /** Copies both ways until either side closes. */
    private void pipe(Socket client, Socket upstream) throws IOException {
        Thread back = new Thread(
                () -> {
                    try {
                        upstream.getInputStream().transferTo(client.getOutputStream());
                    } catch (IOException e) {
                        // closed
                    } finally {
                        close(client);
                    }
                },
                "test-forward-proxy-back");
        back.setDaemon(true);
        back.start();
        try (upstream) {
            client.getInputStream().transferTo(upstream.getOutputStream());
        } catch (IOException e) {
            // closed
        } finally {
            open.remove(upstream);
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (s.isEmpty()) {
                    return lines;
                }
                lines.add(s);
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static String header(List<String> head, String name) {
        for (String h : head.subList(1, head.size())) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket s : open) {
            close(s);
        }
    }
}
