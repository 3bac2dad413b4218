package io.ntfybar.testserver;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Parameters given as a map of headers (names in any case) and no query: in-process publishing and JSON publish. */
final class MapParams implements ParamSource {
    private final Map<String, String> headers = new HashMap<>();

    MapParams(Map<String, String> headers) {
        headers.forEach((k, v) -> this.headers.put(k.toLowerCase(Locale.ROOT), v));
    }

    @Override
    public String header(String name) {
        String v = headers.get(name.toLowerCase(Locale.ROOT));
        // values given in Java are already Unicode; HeaderWords expects raw bytes as ISO-8859-1 characters
        return v == null
                ? null
                : new String(
                        v.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public String query(String name) {
        return null;
    }
}
