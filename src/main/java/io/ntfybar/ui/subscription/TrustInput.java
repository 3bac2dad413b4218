package io.ntfybar.ui.subscription;

import io.ntfybar.net.CertificateInfo;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.ui.UiText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the Server trust part of the window reads and writes besides the settings: custom headers typed as
 * {@code Name: value} lines, a certificate described for a person, and the chosen files kept as copies in the config
 * folder's {@code certs} folder (so that the setting does not depend on where the file was picked from). Stateless.
 */
final class TrustInput {
    private static final UiText TEXT = UiText.of(TrustInput.class);

    private TrustInput() {}

    /**
     * The headers of {@code Name: value} lines; blank lines are skipped.
     *
     * @throws IllegalArgumentException with a sentence for a line without a name or colon, or a credentials header
     */
    static Map<String, String> headers(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(TEXT.get("trust.headers.badLine", i + 1, line));
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
                throw new IllegalArgumentException(TEXT.get("trust.headers.credentials", name));
            }
            headers.put(name, line.substring(colon + 1).strip());
        }
        return headers;
    }

    /** The headers as the text field shows them. */
    static String text(Map<String, String> headers) {
        StringBuilder b = new StringBuilder();
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        return b.toString().stripTrailing();
    }

    /** "ntfy.example.com, SHA-256 AB:CD:…, valid until 2027-03-01" (or "expired on …"). */
    static String describe(CertificateInfo c, Instant now) {
        String day = LocalDate.ofInstant(c.notAfter(), ZoneOffset.UTC).toString();
        return TEXT.get(c.expiredAt(now) ? "trust.cert.expired" : "trust.cert.valid", c.shortName(), c.sha256(), day);
    }

    /**
     * Copies {@code chosen} into {@code certs} under a name made of the server and {@code suffix}
     * ({@code ntfy.example.com_443-ca.pem}), readable only by the user where the file system allows; a file already
     * there is the copy itself and stays.
     */
    static Path keep(Path chosen, Path certs, ServerUrl server, String suffix) throws IOException {
        Files.createDirectories(certs);
        okhttp3.HttpUrl url = okhttp3.HttpUrl.get(server.value());
        String name = (url.host() + "_" + url.port()).replaceAll("[^A-Za-z0-9._-]", "_") + "-" + suffix;
        Path target = certs.resolve(name).normalize();
        if (!certs.equals(target.getParent())) {
            throw new IOException("the name " + name + " leads outside " + certs);
        }
        if (Files.exists(target) && Files.isSameFile(chosen, target)) {
            return target;
        }
        Path temp = Files.createTempFile(certs, ".copy-", ".part");
        try {
            Files.copy(chosen, temp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
