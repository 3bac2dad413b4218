package io.ntfybar.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy for each request: loopback addresses always go directly; then the conventional environment variables
 * ({@code https_proxy}, {@code http_proxy}, {@code all_proxy} and {@code no_proxy}, lower case first, then upper
 * case), which the JDK ignores; then the system's setting as the JDK reads it ({@code fallback}, normally
 * {@link ProxySelector#getDefault()} with {@code java.net.useSystemProxies}). Proxy URLs are {@code http://} (also
 * without a scheme) or {@code socks5://} / {@code socks5h://} / {@code socks4://}; {@code user:password@} in an http
 * proxy's URL is answered to that proxy's 407 by {@link #authenticator()} and never logged. Immutable; thread-safe.
 */
public final class EnvironmentProxies extends ProxySelector {
    private static final Logger log = LoggerFactory.getLogger(EnvironmentProxies.class);

    private final Proxy https;
    private final Proxy http;
    private final Proxy all;
    private final NoProxy noProxy;
    private final ProxySelector fallback;
    /** Basic credentials by proxy "host:port". */
    private final Map<String, String> credentials = new HashMap<>();

    /** @param fallback the system's selector, asked when no environment variable applies (null: direct) */
    public EnvironmentProxies(Map<String, String> env, ProxySelector fallback) {
        this.fallback = fallback;
        this.https = proxy(env, "https_proxy");
        this.http = proxy(env, "http_proxy");
        this.all = proxy(env, "all_proxy");
        this.noProxy = NoProxy.parse(value(env, "no_proxy"));
    }

    /** True when any proxy variable is set (and usable). */
    public boolean fromEnvironment() {
        return https != null || http != null || all != null;
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return List.of(Proxy.NO_PROXY);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (isLoopback(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        Proxy p = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
        if (p == null) {
            p = all;
        }
        if (p != null) {
            return List.of(noProxy.matches(host, port) ? Proxy.NO_PROXY : p);
        }
        if (fallback == null) {
            return List.of(Proxy.NO_PROXY);
        }
        List<Proxy> system = fallback.select(uri);
        return system == null || system.isEmpty() ? List.of(Proxy.NO_PROXY) : new ArrayList<>(system);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (fallback != null && !fromEnvironment()) {
            fallback.connectFailed(uri, sa, ioe);
        }
    }

    /**
     * Answers a proxy's 407 with the {@code user:password} of that proxy's URL (once; a second 407 ends the call). Never
     * sends them to a server or to another proxy.
     */
    public Authenticator authenticator() {
        return (Route route, Response response) -> {
            if (route == null || response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            String basic = credentials.get(key(route.proxy().address()));
            if (basic == null) {
                return null;
            }
            Request.Builder b = response.request().newBuilder().header("Proxy-Authorization", basic);
            return b.build();
        };
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        byte[] ip = NoProxy.literal(h);
        if (ip == null) {
            return false;
        }
        try {
            return java.net.InetAddress.getByAddress(ip).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private Proxy proxy(Map<String, String> env, String name) {
        String value = value(env, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!v.contains("://")) {
            v = "http://" + v;
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            log.warn("Ignoring ${} ({}): not a proxy URL", name, e.getReason());
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        Proxy.Type type =
                switch (scheme) {
                    case "http" -> Proxy.Type.HTTP;
                    case "socks", "socks4", "socks4a", "socks5", "socks5h" -> Proxy.Type.SOCKS;
                    default -> null;
                };
        if (type == null || uri.getHost() == null) {
            log.warn(
                    "Ignoring ${}: ntfybar uses http:// and socks5:// proxies, not {}",
                    name,
                    uri.getHost() == null ? "this address" : scheme + "://");
            return null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : type == Proxy.Type.HTTP ? 80 : 1080;
        InetSocketAddress address = InetSocketAddress.createUnresolved(uri.getHost(), port);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && type == Proxy.Type.HTTP) {
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String pass = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
            credentials.put(key(address), Credentials.basic(user, pass, StandardCharsets.UTF_8));
        } else if (userInfo != null) {
            log.warn("Ignoring the login in ${}: ntfybar logs in only to http proxies", name);
        }
        return new Proxy(type, address);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String key(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            return i.getHostString().toLowerCase(Locale.ROOT) + ":" + i.getPort();
        }
        return String.valueOf(a);
    }

    private static String value(Map<String, String> env, String lowerName) {
        String v = env.get(lowerName);
        if (v == null || v.isBlank()) {
            v = env.get(lowerName.toUpperCase(Locale.ROOT));
        }
        return v;
    }
}
