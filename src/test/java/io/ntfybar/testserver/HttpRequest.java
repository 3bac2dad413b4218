package io.ntfybar.testserver;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One parsed HTTP/1.1 request. Header names are stored lowercase; the first value of a repeated name wins. */
final class HttpRequest implements ParamSource {
    final String method;
    final String target;
    final String path;
    final String version;
    private final Map<String, String> headers;
    private final Map<String, String> query;
    byte[] body = new byte[0];

    HttpRequest(String method, String target, String version, Map<String, String> headers) {
        this.method = method;
        this.target = target;
        this.version = version;
        this.headers = headers;
        int q = target.indexOf('?');
        this.path = percentDecode(q < 0 ? target : target.substring(0, q));
        this.query = parseQuery(q < 0 ? "" : target.substring(q + 1));
    }

    /** Every header, names lowercase. */
    Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    @Override
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String query(String name) {
        return query.get(name);
    }

    /** The declared Content-Length, or -1. */
    long contentLength() {
        String v = header("content-length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean chunked() {
        String te = header("transfer-encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    boolean wantsClose() {
        String c = header("connection");
        if (c != null && c.equalsIgnoreCase("close")) {
            return true;
        }
        return "HTTP/1.0".equals(version) && (c == null || !c.equalsIgnoreCase("keep-alive"));
    }

    String requestLine() {
        return method + " " + target;
    }

    private static Map<String, String> parseQuery(String q) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(
                        URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                out.putIfAbsent(k, v);
            }
        }
        return out;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                try {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // keep it literally
                }
            }
            byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
