package io.ntfybar.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Turns a failed TLS handshake into a sentence that says what is wrong and what to do: the server's certificate is not
 * trusted, is for another name or has expired; the server requires a client certificate and none is set; the server
 * refused the one that is set. The call still fails: nothing is retried with weaker security. An application
 * interceptor; other failures pass through unchanged. Thread-safe.
 *
 * <p>With TLS 1.3 a server checks the client certificate only after the client has finished its handshake, so a
 * refusal often shows as a broken pipe or reset while the request is written. After such a failure one more
 * handshake is made directly to the server, only to read its alert ({@link #probe}). A reverse proxy (nginx) may
 * instead finish the handshake and answer 400 "No required SSL certificate was sent"; that answer is explained too.
 */
public final class TlsFailures implements Interceptor {
    /** A handshake failure explained in words; the message is the sentence. */
    static final class Explained extends SSLException {
        private static final long serialVersionUID = 1L;

        Explained(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }

    private static final int PROBE_TIMEOUT_MS = 3000;

    private final HttpUrl server;
    private final String clientCertificate;
    private final SSLSocketFactory tls;
    private final ProxySelector proxies;

    /**
     * @param server the server whose client this is (its client certificate is offered to it alone), or null
     * @param clientCertificate the client certificate file set for the server, or null for none
     * @param tls the client's TLS socket factory, for the probe (null: the JDK's default)
     * @param proxies the client's proxy selector: no probe is made where a proxy is in the way
     */
    public TlsFailures(HttpUrl server, String clientCertificate, SSLSocketFactory tls, ProxySelector proxies) {
        this.server = server;
        this.clientCertificate = clientCertificate;
        this.tls = tls;
        this.proxies = proxies;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl url = chain.request().url();
        String clientCertificate =
                server != null && ServerHeaders.sameOrigin(url, server) ? this.clientCertificate : null;
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (Explained e) {
            throw e;
        } catch (IOException e) {
            String sentence = url.isHttps() ? explain(hostPort(url), e, clientCertificate) : null;
            if (sentence == null && url.isHttps() && brokenAfterHandshake(e)) {
                String alert = probe(url);
                sentence = alert == null ? null : serverRefused(hostPort(url), alert, clientCertificate);
            }
            if (sentence == null) {
                throw e;
            }
            throw new Explained(sentence, e);
        }
        if (url.isHttps() && response.code() == 400 && !response.isSuccessful()) {
            String body = response.peekBody(4096).string();
            if (body.contains("No required SSL certificate was sent")) {
                response.close();
                throw new Explained(serverRefused(hostPort(url), "certificate_required", clientCertificate), null);
            }
            if (body.contains("The SSL certificate error")) {
                response.close();
                throw new Explained(serverRefused(hostPort(url), "bad_certificate", clientCertificate), null);
            }
        }
        return response;
    }

    /** A connection that broke as it was used: what a TLS 1.3 server's late refusal looks like from here. */
    private static boolean brokenAfterHandshake(IOException e) {
        String m = text(e);
        return m.contains("broken pipe")
                || m.contains("connection reset")
                || m.contains("connection abort")
                || m.contains("unexpected end of stream")
                || m.contains("socket closed")
                || m.contains("\\n not found");
    }

    /**
     * Makes one TLS handshake straight to the server and reads its first bytes, only to catch an alert it sends once it
     * has seen the client's certificate (or that none came); null when none comes, or a proxy is in the way.
     */
    String probe(HttpUrl url) {
        try {
            List<Proxy> route = proxies == null ? List.of(Proxy.NO_PROXY) : proxies.select(url.uri());
            if (route == null || route.isEmpty() || route.get(0).type() != Proxy.Type.DIRECT) {
                return null;
            }
            SSLSocketFactory f = tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
            try (Socket raw = new Socket()) {
                raw.connect(new InetSocketAddress(url.host(), url.port()), PROBE_TIMEOUT_MS);
                raw.setSoTimeout(PROBE_TIMEOUT_MS);
                try (SSLSocket s = (SSLSocket) f.createSocket(raw, url.host(), url.port(), false)) {
                    s.startHandshake();
                    s.getInputStream().read();
                }
            }
            return null;
        } catch (IOException e) {
            return alert(e);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The sentence for a TLS failure talking to {@code host}, or null when {@code e} is not one.
     *
     * @param clientCertificate the client certificate set for the server, or null
     */
    static String explain(String host, Throwable e, String clientCertificate) {
        String alert = alert(e);
        if (alert != null) {
            return serverRefused(host, alert, clientCertificate);
        }
        if (has(e, SSLPeerUnverifiedException.class) && text(e).contains("hostname")) {
            return "the certificate of " + host + " is for another name; check the server address (ntfybar never"
                    + " skips this check)";
        }
        if (has(e, CertificateExpiredException.class)) {
            return "the certificate of " + host + " has expired; ask the server's admin to renew it";
        }
        if (has(e, CertPathBuilderException.class)
                || has(e, CertPathValidatorException.class)
                || text(e).contains("certification path")) {
            return "the certificate of " + host + " is not trusted (self-signed or from a private CA); if you trust"
                    + " this server, add its CA certificate (PEM) to the server's trust settings; ntfybar never turns"
                    + " certificate checks off";
        }
        return null;
    }

    private static String serverRefused(String host, String alert, String clientCertificate) {
        boolean aboutClient =
                switch (alert) {
                    case "bad_certificate",
                            "certificate_required",
                            "certificate_unknown",
                            "unknown_ca",
                            "access_denied",
                            "certificate_expired",
                            "certificate_revoked",
                            "unsupported_certificate" -> true;
                    default -> false;
                };
        if (aboutClient && clientCertificate == null) {
            return host + " requires a client certificate (mutual TLS) and none is set for it (" + alert
                    + "); add your .p12 file to the server's trust settings";
        }
        if (aboutClient) {
            String why = alert.equals("certificate_expired") ? "it has expired" : "it is not one the server accepts";
            return host + " refused the client certificate " + clientCertificate + " (" + alert + "): " + why
                    + "; ask the server's admin which certificate to use";
        }
        return "the secure connection to " + host + " failed (" + alert + ")"
                + (clientCertificate == null ? "; the server may require a client certificate" : "");
    }

    /** The name of a fatal TLS alert the peer sent ("bad_certificate"), or null. */
    private static String alert(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf("Received fatal alert: ");
            if (at >= 0) {
                String rest =
                        m.substring(at + "Received fatal alert: ".length()).strip();
                int end = 0;
                while (end < rest.length()
                        && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '_')) {
                    end++;
                }
                return rest.substring(0, end).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String text(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(' ').append(t.getMessage());
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static String hostPort(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }
}
