package io.ntfybar.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixture files under {@code src/test/resources/io/ntfybar/backup/}, written by hand field by field from ntfy's
 * Android backup code. Values only known at test time (the test server's URL, generated certificates) are
 * {@code {{NAME}}} places, filled in as JSON strings (escaped) before the file is written where a test reads it.
 */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    static String text(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes fixture {@code name} into {@code dir} with its places filled in; returns the file. */
    static Path write(String name, Path dir, Map<String, String> values) throws IOException {
        String text = text(name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String quoted = JSON.writeValueAsString(e.getValue());
            // Inside a JSON string the place is replaced by the escaped value without its quotes.
            text = text.replace("{{" + e.getKey() + "}}", quoted.substring(1, quoted.length() - 1));
        }
        if (text.contains("{{")) {
            throw new IllegalArgumentException(
                    name + " has a place left unfilled: " + text.substring(text.indexOf("{{")));
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The places of {@code android-backup.json}: the servers and certificates. */
    static Map<String, String> androidValues(String server, String tlsServer) throws Exception {
        TestCertificates c = TestCertificates.get();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("SERVER", server);
        v.put("TLS_SERVER", tlsServer);
        v.put("CA_PEM", c.caPem());
        v.put("CLIENT_P12", c.clientP12Base64());
        v.put("CLIENT_PASSWORD", TestCertificates.CLIENT_PASSWORD);
        return v;
    }
}
