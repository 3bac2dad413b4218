package io.ntfybar.subscribe;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.protocol.ServerUrl;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What makes two subscriptions share one connection: the same server, the same credentials and the same extra
 * headers (ntfy-android's ConnectionId). A change to any of these restarts only this server's connections.
 *
 * @param server the server base URL
 * @param credentials the keychain entry to authenticate with, or null for anonymous access
 * @param headers extra request headers from the settings (never credentials), sorted so that equal maps are equal
 */
public record ConnectionKey(ServerUrl server, CredentialsRef credentials, Map<String, String> headers) {
    public ConnectionKey {
        Objects.requireNonNull(server, "server");
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
    }

    public static ConnectionKey anonymous(ServerUrl server) {
        return new ConnectionKey(server, null, Map.of());
    }

    /** For logs and the UI: the server and who connects, never a secret. */
    @Override
    public String toString() {
        return credentials == null ? server.value() : credentials.toString();
    }
}
