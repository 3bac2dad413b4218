package io.ntfybar.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.protocol.ServerUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate files: names from the server that never leave the folder, never another file replaced. */
class CertificateFilesTest {
    @TempDir
    Path dir;

    @Test
    void namesComeFromTheServerAndStayInsideTheFolder() {
        assertEquals("ntfy.example.com_8443", CertificateFiles.baseName(ServerUrl.of("https://ntfy.example.com:8443")));
        assertEquals(
                "ntfy.example.com_.._.._etc_passwd",
                CertificateFiles.baseName(ServerUrl.of("https://ntfy.example.com/../../etc/passwd")));
        assertEquals("10.0.0.5_8080_ntfy", CertificateFiles.baseName(ServerUrl.of("http://10.0.0.5:8080/ntfy")));
    }

    @Test
    void aSecondFileForTheSameNameGetsANumberAndTheFirstIsUntouched() throws Exception {
        var certs = CertificateFiles.parsePem(TestCertificates.get().caPem());
        CertificateFiles files = new CertificateFiles(dir.resolve("certs"));
        ServerUrl server = ServerUrl.of("https://ntfy.example.com/../x");
        Path first = files.writePem(server, certs);
        Files.writeString(first, "someone else's file");
        Path second = files.writePem(server, certs);
        assertEquals(dir.resolve("certs/ntfy.example.com_.._x.pem"), first);
        assertEquals(dir.resolve("certs/ntfy.example.com_.._x-2.pem"), second);
        assertEquals("someone else's file", Files.readString(first));
        assertEquals(certs, CertificateFiles.parsePem(Files.readString(second)));
        Path p12 =
                files.writeP12(server, Files.readAllBytes(TestCertificates.get().clientP12()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p12)));
        try (var list = Files.list(dir.resolve("certs"))) {
            assertEquals(3, list.count(), "no temporary file left");
        }
    }

    @Test
    void aClientCertificateIsCheckedWithItsPassword() throws Exception {
        byte[] p12 = Files.readAllBytes(TestCertificates.get().clientP12());
        CertificateFiles.checkP12(p12, TestCertificates.CLIENT_PASSWORD);
        GeneralSecurityException wrong =
                assertThrows(GeneralSecurityException.class, () -> CertificateFiles.checkP12(p12, "wrong"));
        assertTrue(wrong.getMessage().contains("password"), wrong.getMessage());
        byte[] pem = TestCertificates.get().caPem().getBytes();
        assertThrows(GeneralSecurityException.class, () -> CertificateFiles.checkP12(pem, "x"));
    }
}
