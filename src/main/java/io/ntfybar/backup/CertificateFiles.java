package io.ntfybar.backup;

import io.ntfybar.protocol.ServerUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Certificates as files under the config folder's {@code certs/}: a server's trusted CA certificates as one PEM file
 * and its client certificate as a PKCS#12 file, named after the server ({@code ntfy.example.com_8443.pem}). Names
 * come from the normalised server URL with every character but letters, digits, '.' and '-' replaced, and are
 * checked to stay inside the folder. Files are written whole (a temporary file, then a rename) and never replace
 * another file. Thread-safe (no state but the folder).
 */
final class CertificateFiles {
    private static final int MAX_NAME = 100;
    private static final int MAX_TRIES = 100;

    private final Path folder;

    CertificateFiles(Path folder) {
        this.folder = folder;
    }

    /**
     * The X.509 certificates in a PEM text.
     *
     * @throws GeneralSecurityException with a readable message when there is none or one is damaged
     */
    static List<X509Certificate> parsePem(String pem) throws GeneralSecurityException {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new GeneralSecurityException("no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new GeneralSecurityException("no certificate could be read from it");
        }
        return out;
    }

    /** Certificates as PEM text, 64 characters a line, as every tool writes them. */
    static String toPem(X509Certificate c) throws GeneralSecurityException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    /** The certificates of a PEM file, one PEM text each (the Android app keeps one per entry). */
    static List<String> pemBlocks(Path file) throws IOException, GeneralSecurityException {
        List<String> out = new ArrayList<>();
        for (X509Certificate c : parsePem(Files.readString(file, StandardCharsets.US_ASCII))) {
            out.add(toPem(c));
        }
        return out;
    }

    /**
     * Checks that {@code p12} is a PKCS#12 file that {@code password} opens and that holds a private key.
     *
     * @throws GeneralSecurityException with a readable message otherwise
     */
    static void checkP12(byte[] p12, String password) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new ByteArrayInputStream(p12)) {
            ks.load(in, password.toCharArray());
        } catch (IOException e) {
            throw new GeneralSecurityException(
                    "it is not a PKCS#12 file, or the password in the backup does not open it", e);
        }
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                return;
            }
        }
        throw new GeneralSecurityException("it holds no private key");
    }

    /** Writes {@code certificates} as the server's new PEM file and returns its path. */
    Path writePem(ServerUrl server, List<X509Certificate> certificates) throws IOException, GeneralSecurityException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : certificates) {
            pem.append(toPem(c));
        }
        return write(server, ".pem", pem.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes a client certificate (it holds a private key: readable by the owner only) and returns its path. */
    Path writeP12(ServerUrl server, byte[] p12) throws IOException {
        return write(server, ".p12", p12);
    }

    /** A file name for the server: its host, port and path, with nothing that could leave the folder. */
    static String baseName(ServerUrl server) {
        String s = server.shortForm().replaceAll("[^A-Za-z0-9.-]", "_").replaceAll("^\\.+", "_");
        return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s;
    }

    private Path write(ServerUrl server, String extension, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, ".import-", ".tmp");
        try {
            ownerOnly(tmp);
            Files.write(tmp, content);
            String base = baseName(server);
            for (int i = 1; i <= MAX_TRIES; i++) {
                Path target = inside(base + (i == 1 ? "" : "-" + i) + extension);
                try {
                    // Claimed first (fails when taken): a rename alone would replace another server's file.
                    Files.createFile(target);
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                } catch (IOException e) {
                    Files.deleteIfExists(target);
                    throw e;
                }
            }
            throw new IOException("there are already " + MAX_TRIES + " files named after " + base + " in " + folder);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path inside(String name) throws IOException {
        Path target = folder.resolve(name).normalize();
        if (!target.getParent().equals(folder.normalize())) {
            throw new IOException("the file name " + name + " would leave " + folder);
        }
        return target;
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the user's profile folder is private already.
        }
    }
}
