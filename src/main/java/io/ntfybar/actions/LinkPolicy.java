package io.ntfybar.actions;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether ntfybar may hand a link from a message (a {@code view} action's URL or a message's {@code click}
 * URL) to the system's browser or mail program. Both are chosen by whoever published the message, so they are
 * untrusted: only {@code http}, {@code https} and {@code mailto} links are opened, and only when they are well-formed
 * as they stand. Everything else ({@code javascript:}, {@code file:}, {@code data:}, {@code vbscript:}, custom app
 * schemes, links without a scheme, and links with spaces, control or invisible formatting characters anywhere, such
 * as {@code " javascript:"} or {@code "java\tscript:"}) is refused with a sentence for people. Nothing is trimmed or
 * repaired: a link that needs repair is refused.
 *
 * <p>An {@code http}/{@code https} link needs a host and must not carry user information: {@code
 * https://good.example@evil.example/} goes to {@code evil.example}, so it is refused with a sentence naming the real
 * host (see {@link #hiddenAddress}); an internationalised host name is accepted and converted to its
 * ASCII (punycode) form. The decision's {@link Decision#uri()} is what to open: ASCII only, so it can be passed as a
 * single program argument on every OS. Pure, immutable and thread-safe.
 */
public final class LinkPolicy {
    /** Longer links are refused: no legitimate notification link is this long, and command lines have limits. */
    public static final int MAX_LENGTH = 8000;

    /** What to do with a link. */
    public enum Verdict {
        OPEN,
        REFUSE
    }

    /**
     * The decision about one link.
     *
     * @param verdict open or refuse
     * @param uri the link to open (ASCII form), or null when refused
     * @param reason a sentence for people saying why the link is refused, or null when it may be opened
     */
    public record Decision(Verdict verdict, URI uri, String reason) {
        public Decision {
            Objects.requireNonNull(verdict, "verdict");
            if (verdict == Verdict.OPEN) {
                Objects.requireNonNull(uri, "uri");
            } else {
                Objects.requireNonNull(reason, "reason");
            }
        }

        public boolean isOpen() {
            return verdict == Verdict.OPEN;
        }

        static Decision open(URI uri) {
            return new Decision(Verdict.OPEN, uri, null);
        }

        static Decision refuse(String reason) {
            return new Decision(Verdict.REFUSE, null, reason);
        }
    }

    private LinkPolicy() {}

    /** Decides about a link as it came in a message. Never throws; null and empty links are refused. */
    public static Decision decide(String link) {
        return decide(link, false);
    }

    /**
     * The same rules for the URL of an {@code http} action, where {@code mailto} is refused too: only {@code http}
     * and {@code https} remain.
     */
    static Decision decideRequest(String link) {
        return decide(link, true);
    }

    private static Decision decide(String link, boolean webOnly) {
        if (link == null || link.isEmpty()) {
            return Decision.refuse("the message has no link to open");
        }
        if (link.length() > MAX_LENGTH) {
            return Decision.refuse("not a valid link: it is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < link.length(); ) {
            int cp = link.codePointAt(i);
            i += Character.charCount(cp);
            if (Snippet.isHidden(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                return Decision.refuse(
                        "not a valid link: " + Snippet.quote(link) + " contains spaces or invisible characters");
            }
        }
        String hidden = hiddenAddress(link);
        if (hidden != null) {
            return Decision.refuse(hidden);
        }
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            return Decision.refuse("not a valid link: " + Snippet.quote(link));
        }
        return classify(uri, link, webOnly);
    }

    /**
     * The sentence for an {@code http}/{@code https} link whose address part holds user information ({@code
     * user:pw@host}), or null. Such a link shows a trusted name before the {@code @} while it goes to the host after
     * it, so it is refused with the real host named. The authority is read as browsers read it (a backslash ends it,
     * like a slash), and an {@code @} that only a reader would take as part of it (after a backslash) or that is
     * percent-encoded ({@code %40}) counts too.
     */
    private static String hiddenAddress(String link) {
        int colon = link.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String scheme = link.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int start = colon + 1;
        while (start < link.length() && (link.charAt(start) == '/' || link.charAt(start) == '\\')) {
            start++;
        }
        String rest = link.substring(start);
        String authority = rest.substring(0, endOf(rest, "/\\?#"));
        String asRead = rest.substring(0, endOf(rest, "/?#"));
        String decoded = authority.replaceAll("(?i)%40", "@");
        if (!decoded.contains("@") && !asRead.contains("@")) {
            return null;
        }
        String host = hostOf(decoded.substring(decoded.lastIndexOf('@') + 1)).toLowerCase(Locale.ROOT);
        return host.isEmpty()
                ? "this link hides its real address: it names no host after the user name"
                : "this link hides its real address: it goes to " + Snippet.visible(host, Snippet.MAX_CHARS);
    }

    /** The index of the first of {@code chars} in {@code s}, or its length. */
    private static int endOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** The host of {@code host[:port]} or {@code [v6]:port}. */
    private static String hostOf(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    /**
     * Decides about a link that is already a URI, by the same rules applied to its text (defence in depth for
     * {@link LinkOpener}s). Never throws.
     */
    public static Decision decide(URI uri) {
        return decide(uri == null ? null : uri.toString());
    }

    private static Decision classify(URI uri, String text, boolean webOnly) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return Decision.refuse("not a valid link: " + Snippet.quote(text) + " does not start with https://");
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "http", "https" -> {
                return web(uri, lower, text);
            }
            case "mailto" -> {
                if (webOnly) {
                    return Decision.refuse("ntfybar sends requests only to http and https links, not to mailto: links");
                }
                String rest = uri.getRawSchemeSpecificPart();
                if (!uri.isOpaque() || rest == null || rest.isEmpty()) {
                    return Decision.refuse("not a valid link: " + Snippet.quote(text));
                }
                return asciiOnly(uri, text);
            }
            default -> {
                String shown = Snippet.visible(lower, 40);
                return Decision.refuse(
                        webOnly
                                ? "ntfybar sends requests only to http and https links, not to " + shown + ": links"
                                : "ntfybar does not open " + shown + ": links");
            }
        }
    }

    private static Decision web(URI uri, String scheme, String text) {
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            return Decision.refuse("not a valid link: " + Snippet.quote(text) + " has no host name");
        }
        URI checked = uri;
        if (uri.getHost() == null) {
            checked = withAsciiHost(uri, scheme);
            if (checked == null) {
                return Decision.refuse("not a valid link: " + Snippet.quote(text) + " has no valid host name");
            }
        }
        if (checked.getPort() > 65535) {
            return Decision.refuse("not a valid link: " + Snippet.quote(text) + " has an invalid port");
        }
        return asciiOnly(checked, text);
    }

    /** The URI with an internationalised host name in its ASCII form, or null when the authority is not a host. */
    private static URI withAsciiHost(URI uri, String scheme) {
        String authority = uri.getRawAuthority();
        if (authority.contains("@") || authority.contains("[") || authority.contains("%")) {
            return null;
        }
        String host = authority;
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            port = authority.substring(colon);
        }
        try {
            String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
            if (ascii.isEmpty()) {
                return null;
            }
            String rebuilt = scheme + "://" + ascii + port + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
            URI result = new URI(rebuilt);
            return result.getHost() == null ? null : result;
        } catch (IllegalArgumentException | URISyntaxException e) {
            return null;
        }
    }

    private static Decision asciiOnly(URI uri, String original) {
        try {
            return Decision.open(new URI(uri.toASCIIString()));
        } catch (URISyntaxException e) {
            return Decision.refuse("not a valid link: " + Snippet.quote(original));
        }
    }
}
