package io.ntfybar.net;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.KeychainException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The one place that builds the HTTP client for a server from its settings and the keychain: the CA certificates it
 * trusts besides the system's ({@code ca-certificate}), its client certificate for mutual TLS
 * ({@code client-certificate}, the password from the keychain under {@link CredentialsRef#clientCertificate}), and its
 * custom headers (sent to that server's origin only). Streams, polls, login checks, publishing, attachments and
 * http actions to that server all use it.
 *
 * <p>Clients derive from one base client (pool, dispatcher, proxy, timeouts shared) and are kept per server, files,
 * their modification times and the password, so that a replaced file or a new password is read again. A server whose
 * settings cannot be used gets no client at all: {@link #forServer} throws a {@link TrustException} with a sentence,
 * never falling back to a client without them. Thread-safe.
 */
public final class ServerClients {
    private final OkHttpClient base;
    private final Keychain keychain;
    private final Clock clock;
    private final Map<String, OkHttpClient> clients = new ConcurrentHashMap<>();

    /** @param base the client to derive from, e.g. {@code HttpClients.requests(...)} */
    public ServerClients(OkHttpClient base, Keychain keychain) {
        this(base, keychain, Clock.systemUTC());
    }

    /** @param clock judges whether a client certificate has expired */
    public ServerClients(OkHttpClient base, Keychain keychain, Clock clock) {
        this.base = base;
        this.keychain = keychain;
        this.clock = clock;
    }

    /** The base client, for requests that belong to no server (an icon or an http action on another host). */
    public OkHttpClient base() {
        return base;
    }

    /**
     * The client for {@code baseUrl} with these settings: the base client when they ask for nothing special.
     *
     * @throws TrustException with a sentence naming the server and the setting when they cannot be used
     */
    public OkHttpClient forServer(String baseUrl, ServerSettings server) {
        String url = ServerUrl.of(baseUrl).value();
        if (blank(server.caCertificate())
                && blank(server.clientCertificate())
                && server.headers().isEmpty()) {
            return base;
        }
        String password = blank(server.clientCertificate()) ? null : password(url, server);
        String key = url + "|" + stamp(server.caCertificate()) + "|" + stamp(server.clientCertificate()) + "|"
                + digest(password) + "|" + new TreeMap<>(server.headers());
        OkHttpClient c = clients.get(key);
        if (c == null) {
            c = build(url, server, password);
            clients.put(key, c);
        }
        return c;
    }

    /** True when both URLs have the same scheme, host and port: where a server's headers and certificate may go. */
    public static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return ServerHeaders.sameOrigin(a, b);
    }

    /** The sentence saying why this server's settings cannot be used, or empty when they can. */
    public Optional<String> problem(String baseUrl, ServerSettings server) {
        try {
            forServer(baseUrl, server);
            return Optional.empty();
        } catch (TrustException e) {
            return Optional.of(e.getMessage());
        }
    }

    private OkHttpClient build(String url, ServerSettings server, String password) {
        String host = ServerUrl.of(url).shortForm();
        List<X509Certificate> cas = List.of();
        if (!blank(server.caCertificate())) {
            try {
                cas = TlsMaterial.readCertificates(TlsMaterial.file(server.caCertificate()));
            } catch (TrustException e) {
                throw new TrustException(
                        "Cannot use the CA certificate " + server.caCertificate() + " set for " + host + " ("
                                + e.getMessage() + "). Choose another in the server's trust settings (settings.yml:"
                                + " 'ca-certificate').",
                        e);
            }
        }
        TlsMaterial.ClientCertificate client = null;
        if (!blank(server.clientCertificate())) {
            try {
                client = TlsMaterial.readClientCertificate(
                        TlsMaterial.file(server.clientCertificate()), password.toCharArray(), clock.instant());
            } catch (TrustException e) {
                String hint = password.isEmpty() && e.getMessage().startsWith("the password")
                        ? " No password for it is stored in " + keychain.description() + "."
                        : "";
                throw new TrustException(
                        "Cannot use the client certificate " + server.clientCertificate() + " set for " + host + " ("
                                + e.getMessage() + ")." + hint + " Choose it again with its password in the server's"
                                + " trust settings (settings.yml: 'client-certificate').",
                        e);
            }
        }
        Headers headers = headers(host, server.headers());
        OkHttpClient.Builder b = base.newBuilder();
        SSLSocketFactory factory = null;
        if (!cas.isEmpty() || client != null) {
            TlsMaterial.Context tls = TlsMaterial.context(
                    cas, client, HttpUrl.get(url).host(), HttpUrl.get(url).port());
            factory = tls.ssl().getSocketFactory();
            b.sslSocketFactory(factory, tls.trustManager());
        }
        String p12 = blank(server.clientCertificate()) ? null : server.clientCertificate();
        b.addInterceptor(new TlsFailures(HttpUrl.get(url), p12, factory, base.proxySelector()));
        if (headers.size() > 0) {
            Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < headers.size(); i++) {
                h.put(headers.name(i), headers.value(i));
            }
            b.addNetworkInterceptor(new ServerHeaders(HttpUrl.get(url), h));
        }
        return b.build();
    }

    /** The custom headers as OkHttp will send them. @throws TrustException for one that cannot be sent */
    public static Headers headers(String host, Map<String, String> headers) {
        Headers.Builder b = new Headers.Builder();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            try {
                b.add(h.getKey(), h.getValue() == null ? "" : h.getValue());
            } catch (IllegalArgumentException e) {
                throw new TrustException("The header '" + h.getKey() + "' set for " + host + " cannot be sent: names"
                        + " and values must be printable ASCII without line breaks. Fix it in the server's settings.");
            }
        }
        return b.build();
    }

    private String password(String url, ServerSettings server) {
        try {
            return keychain.load(CredentialsRef.clientCertificate(url)).orElse("");
        } catch (KeychainException e) {
            throw new TrustException("Cannot read the password of the client certificate for "
                    + ServerUrl.of(url).shortForm() + " from " + keychain.description() + ": " + e.getMessage());
        }
    }

    private static String stamp(String file) {
        return blank(file) ? "-" : file + "@" + TlsMaterial.file(file).toFile().lastModified();
    }

    private static String digest(String password) {
        if (password == null) {
            return "-";
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
