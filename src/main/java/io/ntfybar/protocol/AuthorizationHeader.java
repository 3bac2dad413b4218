package io.ntfybar.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The value of an {@code Authorization} header for ntfy (protocol section 4.1): {@code Basic base64(user:password)}
 * or {@code Bearer tk_…}. {@link #toString()} never shows the secret, so the value is safe in logs and error
 * sentences; only {@link #value()} and {@link #queryValue()} reveal it. Immutable and thread-safe.
 *
 * @param value the complete header value
 */
public record AuthorizationHeader(String value) {
    public AuthorizationHeader {
        if (value == null || value.isBlank()) {
            throw new ProtocolException("the authorization header value is empty");
        }
        checkNoControlCharacters(value, "the authorization header value");
    }

    /**
     * Basic authentication. With an empty user name the server treats the password as an access token, so
     * {@code basic("", "tk_…")} works where only Basic can be sent.
     *
     * @throws ProtocolException when the user name contains {@code :} (Basic cannot express it) or either part
     *     contains a control character
     */
    public static AuthorizationHeader basic(String user, String password) {
        String u = user == null ? "" : user;
        String p = password == null ? "" : password;
        if (u.indexOf(':') >= 0) {
            throw new ProtocolException("the user name must not contain ':'");
        }
        checkNoControlCharacters(u, "the user name");
        checkNoControlCharacters(p, "the password");
        return new AuthorizationHeader(
                "Basic " + Base64.getEncoder().encodeToString((u + ":" + p).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Bearer authentication with an access token ({@code tk_} and 29 letters or digits on current servers; the
     * format is not checked here, so the server's answer decides).
     */
    public static AuthorizationHeader bearer(String token) {
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) {
            throw new ProtocolException("the access token is empty");
        }
        if (t.chars().anyMatch(Character::isWhitespace)) {
            throw new ProtocolException("the access token must not contain spaces");
        }
        return new AuthorizationHeader("Bearer " + t);
    }

    /**
     * The value for the {@code auth=} query parameter: the whole header value in URL-safe base64 without padding.
     * The server answers a padded or standard-alphabet value with an error 500.
     */
    public String queryValue() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** "Basic" or "Bearer" (or whatever scheme the value starts with). */
    public String scheme() {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    @Override
    public String toString() {
        return "AuthorizationHeader[" + scheme() + " …]";
    }

    private static void checkNoControlCharacters(String s, String what) {
        if (s.chars().anyMatch(Character::isISOControl)) {
            throw new ProtocolException(what + " must not contain control characters such as line breaks");
        }
    }
}
