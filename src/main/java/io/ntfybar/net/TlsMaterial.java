package io.ntfybar.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Reads what a server's trust settings name: CA certificates (PEM) to trust besides the system's, and a client
 * certificate with its key (PKCS#12) for mutual TLS; and builds the TLS context from them. Verification is never
 * turned off here: the system's CAs always count, a server's own CAs are added to them, and host names are still
 * checked by OkHttp. Every failure is a {@link TrustException} with the reason in words. Stateless and thread-safe.
 */
public final class TlsMaterial {
    private TlsMaterial() {}

    /** A client certificate read from a PKCS#12 file: its key managers and the certificate's description. */
    public record ClientCertificate(KeyManager[] keyManagers, CertificateInfo info) {}

    /** A file named in the settings or typed by the user; a leading {@code ~/} is the user's home folder. */
    public static Path file(String name) {
        String n = name.strip();
        if (n.equals("~") || n.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + n.substring(1));
        }
        return Path.of(n);
    }

    /** The certificates of a PEM (or DER) file. @throws TrustException when none can be read */
    public static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> certs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
        } catch (IOException e) {
            throw new TrustException(fileProblem(file, e), e);
        } catch (CertificateException e) {
            throw new TrustException(file + " is not a certificate file (PEM): " + firstLine(e.getMessage()), e);
        }
        if (certs.isEmpty()) {
            throw new TrustException("no certificate found in " + file);
        }
        return Collections.unmodifiableList(certs);
    }

    /**
     * Opens a PKCS#12 file with {@code password} and takes its key and certificate chain.
     *
     * @throws TrustException when the file is missing or unreadable, the password does not open it, it holds no key,
     *     or its certificate is expired or not yet valid at {@code now}
     */
    public static ClientCertificate readClientCertificate(Path file, char[] password, Instant now) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                throw new TrustException("the password does not open " + file, e);
            }
            if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
                throw new TrustException(fileProblem(file, e), e);
            }
            throw new TrustException(file + " is not a PKCS#12 (.p12) file: " + firstLine(e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new TrustException(file + " cannot be read as PKCS#12: " + firstLine(e.getMessage()), e);
        }
        try {
            X509Certificate cert = null;
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate x) {
                    cert = x;
                    break;
                }
            }
            if (cert == null) {
                throw new TrustException(file + " holds no private key with a certificate");
            }
            CertificateInfo info = CertificateInfo.of(cert);
            if (info.expiredAt(now)) {
                throw new TrustException("the client certificate in " + file + " expired on " + day(info.notAfter()));
            }
            if (cert.getNotBefore().toInstant().isAfter(now)) {
                throw new TrustException("the client certificate in " + file + " is only valid from "
                        + day(cert.getNotBefore().toInstant()));
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            return new ClientCertificate(kmf.getKeyManagers(), info);
        } catch (UnrecoverableKeyException e) {
            throw new TrustException("the password opens " + file + " but not the key inside it", e);
        } catch (GeneralSecurityException e) {
            throw new TrustException(file + " cannot be used: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * The TLS context and trust manager for one server: the system's CAs plus {@code extraCas} (may be empty), and the
     * client certificate when there is one (null: none), offered only to {@code host} on {@code port}.
     */
    public static Context context(List<X509Certificate> extraCas, ClientCertificate client, String host, int port) {
        try {
            X509TrustManager system = trustManager(null);
            X509TrustManager trust = system;
            if (!extraCas.isEmpty()) {
                KeyStore own = KeyStore.getInstance(KeyStore.getDefaultType());
                own.load(null, null);
                for (int i = 0; i < extraCas.size(); i++) {
                    own.setCertificateEntry("ca-" + i, extraCas.get(i));
                }
                trust = new EitherTrustManager(system, trustManager(own));
            }
            SSLContext tls = SSLContext.getInstance("TLS");
            KeyManager[] keys = null;
            if (client != null) {
                List<KeyManager> only = new ArrayList<>();
                for (KeyManager k : client.keyManagers()) {
                    if (k instanceof X509KeyManager x) {
                        only.add(new OnlyForHost(x, host, port));
                    }
                }
                keys = only.toArray(new KeyManager[0]);
            }
            tls.init(keys, new TrustManager[] {trust}, null);
            return new Context(tls, trust);
        } catch (GeneralSecurityException | IOException e) {
            throw new TrustException("the JDK cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** An SSL context with the trust manager it verifies servers with (OkHttp needs both). */
    public record Context(SSLContext ssl, X509TrustManager trustManager) {}

    static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private static String fileProblem(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return file + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return file + " cannot be read (permission denied)";
        }
        return file + " cannot be read: " + e.getMessage();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown format";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }

    /** Trusts a server chain that either the system's or the server's own CAs trust; never a client. */
    private record EitherTrustManager(X509TrustManager system, X509TrustManager own) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                system.checkServerTrusted(chain, authType);
            } catch (CertificateException notBySystem) {
                own.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("ntfybar does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = system.getAcceptedIssuers();
            X509Certificate[] b = own.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
