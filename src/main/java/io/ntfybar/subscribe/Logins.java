package io.ntfybar.subscribe;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.KeychainException;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.ServerSettings;
import java.util.Map;
import java.util.Optional;

/** Which keychain entry a server's settings name, and the Authorization header made from it. Thread-safe. */
public final class Logins {
    /** A header, or the sentence saying why there is none. */
    record Result(AuthorizationHeader header, String problem) {}

    private final Keychain keychain;

    Logins(Keychain keychain) {
        this.keychain = keychain;
    }

    /** The credentials reference of a server's settings, or null for anonymous access. */
    static CredentialsRef credentialsOf(String baseUrl, ServerSettings server) {
        if (server.username() != null && !server.username().isEmpty()) {
            return new CredentialsRef(ServerUrl.of(baseUrl).value(), server.username());
        }
        return server.token() ? CredentialsRef.token(ServerUrl.of(baseUrl).value()) : null;
    }

    /**
     * The Authorization header for a server's own login, for requests beside the stream (an attachment on the same
     * server); empty for anonymous access or when the secret cannot be read. Never throws.
     */
    public static Optional<AuthorizationHeader> forServer(Keychain keychain, String baseUrl, ServerSettings server) {
        CredentialsRef ref = credentialsOf(baseUrl, server);
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(new Logins(keychain)
                .authorization(new ConnectionKey(ServerUrl.of(baseUrl), ref, Map.of(), false, null, null))
                .header());
    }

    /** Reads the secret of {@code key}'s credentials; never throws. */
    Result authorization(ConnectionKey key) {
        CredentialsRef ref = key.credentials();
        try {
            Optional<String> secret = keychain.load(ref);
            if (secret.isPresent()) {
                return new Result(
                        ref.isToken()
                                ? AuthorizationHeader.bearer(secret.get())
                                : AuthorizationHeader.basic(ref.username(), secret.get()),
                        null);
            }
            return new Result(
                    null,
                    "No " + (ref.isToken() ? "access token" : "password for " + ref.username()) + " for "
                            + key.server().shortForm() + " is stored in " + keychain.description()
                            + ". Log in again.");
        } catch (KeychainException e) {
            return new Result(
                    null,
                    "Could not read the login for " + key.server().shortForm() + " from " + keychain.description()
                            + ": " + e.getMessage());
        }
    }
}
