package io.ntfybar.subscribe;

import io.ntfybar.model.AppVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The OkHttp clients of the engine. TLS is verified by the JDK's trust store (never disabled here); a server may add
 * its own CA certificates ({@link #trusting}), never replace verification. Streams have no
 * read timeout: a stream is quiet between keepalives, and {@link StreamConnection#checkAlive} judges silence instead.
 */
public final class HttpClients {
    private HttpClients() {}

    /** For streams: no read timeout, and no per-host cap (a server's topics may need several long-lived streams). */
    public static OkHttpClient streaming() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(4096);
        dispatcher.setMaxRequestsPerHost(4096);
        String agent = AppVersion.current().userAgent();
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ofSeconds(15))
                .addInterceptor(chain -> chain.proceed(
                        chain.request().newBuilder().header("User-Agent", agent).build()))
                .build();
    }

    /** For polls and checks: shares the streaming client's pool, but gives up on a server silent for 30 s. */
    public static OkHttpClient requests(OkHttpClient streaming) {
        return streaming.newBuilder().readTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * The same client, trusting the CA certificates in {@code pemFile} as well as the system's. Host names are still
     * verified. Everything else (pool, dispatcher, timeouts) is shared.
     *
     * @throws GeneralSecurityException or IOException with a sentence when the file cannot be used
     */
    public static OkHttpClient trusting(OkHttpClient base, Path pemFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> extra = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pemFile)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                extra.add((X509Certificate) c);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("the file does not exist", e);
        }
        if (extra.isEmpty()) {
            throw new GeneralSecurityException("no certificate found in " + pemFile);
        }
        X509TrustManager system = trustManager(null);
        KeyStore own = KeyStore.getInstance(KeyStore.getDefaultType());
        own.load(null, null);
        for (int i = 0; i < extra.size(); i++) {
            own.setCertificateEntry("ca-" + i, extra.get(i));
        }
        X509TrustManager both = new EitherTrustManager(system, trustManager(own));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {both}, null);
        return base.newBuilder().sslSocketFactory(tls.getSocketFactory(), both).build();
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
