package io.ntfybar.cli;

import io.ntfybar.protocol.AuthorizationHeader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who a subscription connects as: a user and password, an access token, or nobody. Equal logins share a connection.
 * {@link #toString()} never shows a secret. Immutable.
 *
 * @param user the user name, or null
 * @param password the password of {@code user}, or null
 * @param token an access token ({@code tk_...}), or null; wins over a user
 */
record Login(String user, String password, String token) {
    static final Login NONE = new Login(null, null, null);

    Login {
        password = user != null && password == null ? "" : password;
    }

    /**
     * The login an Authorization header carries (ntfybar's {@link CliConfig} hands out headers; the store's engine
     * needs the parts, to keep them in its session keychain). Null is anonymous.
     */
    static Login of(AuthorizationHeader header) {
        if (header == null) {
            return NONE;
        }
        String value = header.value();
        int space = value.indexOf(' ');
        String credentials = value.substring(space + 1).strip();
        if ("Bearer".equalsIgnoreCase(header.scheme())) {
            return token(credentials);
        }
        String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return user(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    static Login token(String token) {
        return new Login(null, null, token);
    }

    static Login user(String user, String password) {
        return new Login(user, password, null);
    }

    boolean anonymous() {
        return token == null && user == null;
    }

    /** The Authorization header to send, or null for anonymous access. */
    AuthorizationHeader header() {
        if (token != null) {
            return AuthorizationHeader.bearer(token);
        }
        return user == null ? null : AuthorizationHeader.basic(user, password);
    }

    @Override
    public String toString() {
        return token != null ? "token" : user == null ? "anonymous" : "user " + user;
    }
}
