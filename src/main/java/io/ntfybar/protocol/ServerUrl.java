package io.ntfybar.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The base URL of a ntfy server, normalised so that equal servers compare equal: {@code https://} added when no
 * scheme is given ({@code ntfy.sh} becomes {@code https://ntfy.sh}), scheme and host lowercased, default ports
 * and trailing slashes dropped. A path is kept (for servers behind a reverse proxy under a prefix); a query, a
 * fragment or credentials in the URL are refused. Immutable and thread-safe.
 *
 * @param value the normalised URL, e.g. {@code https://ntfy.example.com:8443}
 */
public record ServerUrl(String value) {
    /** ntfy's public server, the default of ntfy's own apps. */
    public static final ServerUrl NTFY_SH = new ServerUrl("https://ntfy.sh");

    /**
     * Normalises the URL.
     *
     * @throws ProtocolException when it is not an http(s) URL of a host
     */
    public ServerUrl {
        value = normalise(value);
    }

    public static ServerUrl of(String url) {
        return new ServerUrl(url);
    }

    /** The URL without its scheme: {@code ntfy.example.com:8443}, as ntfy's apps show it. */
    public String shortForm() {
        return value.substring(value.indexOf("://") + 3);
    }

    /** The host (and port, when not the default) of the URL, without path: for "same server" checks. */
    public String authority() {
        String s = shortForm();
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    /** The scheme: {@code http} or {@code https}. */
    public String scheme() {
        return value.substring(0, value.indexOf("://"));
    }

    /**
     * True when {@code url} is on this server (same scheme, host and port, and under its path): only then may this
     * server's credentials go with a request to it, e.g. an attachment download.
     */
    public boolean isSameServer(String url) {
        if (url == null) {
            return false;
        }
        ServerUrl other;
        try {
            other = new ServerUrl(stripQueryAndFragment(url));
        } catch (ProtocolException e) {
            return false;
        }
        return other.value.equals(value) || other.value.startsWith(value + "/");
    }

    @Override
    public String toString() {
        return value;
    }

    private static String stripQueryAndFragment(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }

    private static String normalise(String input) {
        String s = input == null ? "" : input.strip();
        if (s.isEmpty()) {
            throw new ProtocolException("the server URL is empty; enter one like https://ntfy.sh");
        }
        if (!s.contains("://")) {
            s = "https://" + s;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new ProtocolException("the server URL " + quoteRedacted(s) + " is not a valid URL ("
                    + InputSnippet.shorten(e.getReason()) + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ProtocolException(
                    "the server URL must start with http:// or https://, not " + InputSnippet.quote(scheme + "://"));
        }
        if (uri.getRawUserInfo() != null) {
            throw new ProtocolException(
                    "the server URL must not contain a user name or password; enter them as the server's login");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ProtocolException("the server URL " + quoteRedacted(s) + " has no host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ProtocolException("the server URL " + quoteRedacted(s)
                    + " must not contain '?' or '#'; enter only the server's address");
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    private static String quoteRedacted(String url) {
        return InputSnippet.quote(url.replaceFirst("//[^/@]*@", "//…@"));
    }
}
