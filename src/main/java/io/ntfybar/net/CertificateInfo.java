package io.ntfybar.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a person checks about a certificate before trusting it: whose it is, its SHA-256 fingerprint (to compare with
 * what the server's admin gives out) and when it stops being valid. Immutable.
 *
 * @param subject the subject's distinguished name, e.g. {@code CN=ntfy.example.com}
 * @param sha256 the SHA-256 fingerprint of the DER encoding, as upper-case hex pairs joined by colons
 * @param notAfter the end of the validity period
 */
public record CertificateInfo(String subject, String sha256, Instant notAfter) {
    public static CertificateInfo of(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            String hex = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
            return new CertificateInfo(
                    c.getSubjectX500Principal().getName(), hex, c.getNotAfter().toInstant());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    /** True when the certificate is no longer valid at {@code now}. */
    public boolean expiredAt(Instant now) {
        return notAfter.isBefore(now);
    }

    /** The subject's common name when it has one, else the whole subject. */
    public String shortName() {
        for (String part : subject.split(",")) {
            String p = part.strip();
            if (p.toUpperCase(Locale.ROOT).startsWith("CN=")) {
                return p.substring(3);
            }
        }
        return subject;
    }
}
