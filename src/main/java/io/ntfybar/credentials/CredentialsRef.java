package io.ntfybar.credentials;

import java.util.Objects;

/**
 * Names a stored secret without containing it: the server and the user name (empty for an access token). This is
 * what the store and the settings file keep; the secret itself stays in the {@link Keychain}.
 *
 * @param baseUrl the server, e.g. {@code https://ntfy.example.com}
 * @param username the login name, or {@code ""} when the secret is an access token ({@code tk_...})
 */
public record CredentialsRef(String baseUrl, String username) {
    /** The keychain "service" under which ntfybar files its entries. */
    public static final String SERVICE_PREFIX = "ntfybar ";

    public CredentialsRef {
        Objects.requireNonNull(baseUrl, "baseUrl");
        username = username == null ? "" : username;
    }

    public static CredentialsRef token(String baseUrl) {
        return new CredentialsRef(baseUrl, "");
    }

    /**
     * The password of the server's client certificate (PKCS#12, for mutual TLS), filed under the server's own service
     * with the account {@code client certificate}; no ntfy user name contains a space, so it cannot clash with a login.
     */
    public static CredentialsRef clientCertificate(String baseUrl) {
        return new CredentialsRef(baseUrl, CLIENT_CERTIFICATE);
    }

    /** The account name of {@link #clientCertificate}. */
    public static final String CLIENT_CERTIFICATE = "client certificate";

    public boolean isToken() {
        return username.isEmpty();
    }

    /** The keychain service name: one per server, so the OS keychain UI lists them readably. */
    public String service() {
        return SERVICE_PREFIX + baseUrl;
    }

    /** The keychain account name: the user, or {@code token}. */
    public String account() {
        return isToken() ? "token" : username;
    }

    /** For settings files: {@code user@https://host} or {@code token@https://host}; holds no secret. */
    @Override
    public String toString() {
        return account() + "@" + baseUrl;
    }
}
