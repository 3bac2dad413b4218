package io.ntfybar.backup;

import io.ntfybar.testserver.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Certificates for backup fixtures, made once per test JVM with the JDK's keytool (nothing checked in): the test
 * server's self-signed certificate as a trusted CA (PEM) and a client certificate with its key (PKCS#12).
 *
 * @param tls the TLS server identity whose certificate {@link #caPem} is
 * @param clientP12 the client certificate file, opened by {@link #CLIENT_PASSWORD}
 */
record TestCertificates(TestTls tls, String caPem, Path clientP12) {
    static final String CLIENT_PASSWORD = "client-pass";

    private static TestCertificates made;

    static synchronized TestCertificates get() throws Exception {
        if (made == null) {
            Path dir = Files.createTempDirectory("ntfybar-backup-certs");
            TestTls tls = TestTls.create(dir.resolve("tls"));
            Path p12 = dir.resolve("client.p12");
            TestTls.clientKey(p12, "CN=phil", CLIENT_PASSWORD);
            made = new TestCertificates(tls, Files.readString(tls.certificatePem()), p12);
        }
        return made;
    }

    String clientP12Base64() throws Exception {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(clientP12));
    }
}
