package io.ntfybar.ui.subscribe;

import io.ntfybar.protocol.AuthorizationHeader;
import java.util.Objects;

/**
 * A login as the user entered or chose it. The secret lives only in memory until {@link LoginCheck#save} hands it to
 * the keychain; {@link #toString()} never shows it. Immutable.
 *
 * @param kind which kind of login
 * @param username the user name for {@link Kind#PASSWORD}, else empty
 * @param secret the password or token, else empty
 */
public record Login(Kind kind, String username, String secret) {
    public enum Kind {
        /** Whatever the server's settings already name (its keychain entry); nothing is saved. */
        SAVED,
        /** Anonymous. */
        NONE,
        PASSWORD,
        TOKEN
    }

    public Login {
        Objects.requireNonNull(kind, "kind");
        username = username == null ? "" : username.strip();
        secret = secret == null ? "" : secret;
        if (kind == Kind.TOKEN) {
            secret = secret.strip();
        }
    }

    public static Login saved() {
        return new Login(Kind.SAVED, "", "");
    }

    public static Login none() {
        return new Login(Kind.NONE, "", "");
    }

    public static Login password(String user, String password) {
        return new Login(Kind.PASSWORD, user, password);
    }

    public static Login token(String token) {
        return new Login(Kind.TOKEN, "", token);
    }

    /** True when the entered parts are complete enough to try. */
    public boolean complete() {
        return switch (kind) {
            case SAVED, NONE -> true;
            case PASSWORD -> !username.isEmpty() && username.indexOf(':') < 0 && !secret.isEmpty();
            case TOKEN -> !secret.isEmpty() && secret.chars().noneMatch(Character::isWhitespace);
        };
    }

    /** The header for an entered login; null for {@link Kind#NONE} and {@link Kind#SAVED} (the caller asks the core). */
    AuthorizationHeader enteredHeader() {
        return switch (kind) {
            case PASSWORD -> AuthorizationHeader.basic(username, secret);
            case TOKEN -> AuthorizationHeader.bearer(secret);
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "Login[" + kind + (username.isEmpty() ? "" : " " + username) + "]";
    }
}
