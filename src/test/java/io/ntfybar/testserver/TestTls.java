package io.ntfybar.testserver;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 (and the names {@code localhost} and {@code ntfy.test}), made with the JDK's
 * own keytool (nothing downloaded, nothing checked in), for a test server that speaks HTTPS as a self-hosted ntfy with
 * its own CA would. {@link #mutual} adds a client CA and client certificates for mutual TLS.
 *
 * @param serverContext what {@link NtfyTestServer#startTls} listens with
 * @param certificatePem the certificate as a PEM file: what a user puts in {@code ca-certificate}
 */
public record TestTls(SSLContext serverContext, Path certificatePem) {
    private static final String PASS = "test-only";
    /** The password of every client certificate file that {@link #mutual} makes. */
    public static final String CLIENT_PASSWORD = "p12-secret";

    /**
     * A server that requires a client certificate signed by its own client CA, and the files a user would hold.
     *
     * @param serverContext for {@link NtfyTestServer#startMutualTls}: the server's key, and the client CA as the only
     *     CA it accepts clients from
     * @param serverCaPem the server's certificate as PEM (what goes in {@code ca-certificate})
     * @param clientP12 a client certificate the server accepts, password {@link #CLIENT_PASSWORD}
     * @param strangerP12 a self-signed client certificate the server does not accept, same password
     * @param expiredP12 a client certificate signed by the client CA that expired days ago, same password
     */
    public record Mutual(
            SSLContext serverContext, Path serverCaPem, Path clientP12, Path strangerP12, Path expiredP12) {}

    private static Mutual shared;

    /**
     * One {@link Mutual} set for the whole test run (made once in a temporary folder, removed at exit): making it takes
     * a dozen keytool runs. Tests copy a file before changing it.
     */
    public static synchronized Mutual sharedMutual() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("ntfybar-mtls-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                } catch (java.io.IOException e) {
                    // a temporary folder left behind
                }
            }));
            shared = mutual(dir);
        }
        return shared;
    }

    public static TestTls create(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path keystore = dir.resolve("server.p12");
        Path pem = dir.resolve("server-ca.pem");
        serverKey(keystore, pem);
        return new TestTls(context(keystore, null), pem);
    }

    /** Makes the files of {@link Mutual} under {@code dir} (a dozen keytool runs: a few seconds). */
    public static Mutual mutual(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path serverStore = dir.resolve("server.p12");
        Path serverPem = dir.resolve("server-ca.pem");
        serverKey(serverStore, serverPem);
        Path caStore = dir.resolve("client-ca.p12");
        Path caPem = dir.resolve("client-ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=ntfybar test client CA",
                "-ext",
                "bc:c",
                "-validity",
                "3",
                "-keystore",
                caStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASS,
                "-keypass",
                PASS);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                caStore.toString(),
                "-storepass",
                PASS,
                "-file",
                caPem.toString());
        Path client = dir.resolve("client.p12");
        Path expired = dir.resolve("expired.p12");
        Path stranger = dir.resolve("stranger.p12");
        // keytool runs mostly wait for their JVM to start: the three files are made side by side.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> made = List.of(
                    pool.submit(() -> {
                        signedClient(dir, client, caStore, caPem, "CN=phil laptop", List.of("-validity", "2"));
                        return null;
                    }),
                    pool.submit(() -> {
                        signedClient(
                                dir,
                                expired,
                                caStore,
                                caPem,
                                "CN=old laptop",
                                List.of("-startdate", "-10d", "-validity", "2"));
                        return null;
                    }),
                    pool.submit(() -> {
                        keytool(
                                "-genkeypair",
                                "-alias",
                                "client",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-dname",
                                "CN=stranger",
                                "-validity",
                                "2",
                                "-keystore",
                                stranger.toString(),
                                "-storetype",
                                "PKCS12",
                                "-storepass",
                                CLIENT_PASSWORD,
                                "-keypass",
                                CLIENT_PASSWORD);
                        return null;
                    }));
            for (java.util.concurrent.Future<?> f : made) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Mutual(context(serverStore, caPem), serverPem, client, stranger, expired);
    }

    private static void serverKey(Path keystore, Path pem) throws Exception {
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=ntfybar test server",
                "-ext",
                "san=ip:127.0.0.1,dns:localhost,dns:ntfy.test",
                "-validity",
                "2",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASS,
                "-keypass",
                PASS);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASS,
                "-file",
                pem.toString());
    }

    /** A new EC client key (alias {@code client}) with a self-signed certificate in {@code p12}, valid two days. */
    public static void clientKey(Path p12, String dname, String password) throws Exception {
        keytool(
                "-genkeypair",
                "-alias",
                "client",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-validity",
                "2",
                "-keystore",
                p12.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password,
                "-keypass",
                password);
    }

    /** A client key in {@code p12}, its certificate signed by the CA in {@code caStore}. */
    private static void signedClient(Path dir, Path p12, Path caStore, Path caPem, String dname, List<String> validity)
            throws Exception {
        String name = p12.getFileName().toString().replace(".p12", "");
        Path csr = dir.resolve(name + ".csr");
        Path signed = dir.resolve(name + ".pem");
        clientKey(p12, dname, CLIENT_PASSWORD);
        keytool(
                "-certreq",
                "-alias",
                "client",
                "-keystore",
                p12.toString(),
                "-storepass",
                CLIENT_PASSWORD,
                "-file",
                csr.toString());
        List<String> gencert = new ArrayList<>(List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                caStore.toString(),
                "-storepass",
                PASS,
                "-infile",
                csr.toString(),
                "-outfile",
                signed.toString()));
        gencert.addAll(validity);
        keytool(gencert.toArray(String[]::new));
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem.toString(),
                "-keystore",
                p12.toString(),
                "-storepass",
                CLIENT_PASSWORD);
        keytool(
                "-importcert",
                "-alias",
                "client",
                "-file",
                signed.toString(),
                "-keystore",
                p12.toString(),
                "-storepass",
                CLIENT_PASSWORD);
    }

    /** The server's context: its key, and (when not null) the only CA it accepts client certificates from. */
    private static SSLContext context(Path keystore, Path clientCaPem) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS.toCharArray());
        TrustManagerFactory tmf = null;
        if (clientCaPem != null) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(clientCaPem)) {
                Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
                trust.setCertificateEntry("client-ca", ca);
            }
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Runs the JDK's keytool with {@code args}; throws with its output when it fails. */
    public static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC")); // starts faster
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }
}
