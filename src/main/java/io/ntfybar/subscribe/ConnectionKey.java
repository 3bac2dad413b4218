package io.ntfybar.subscribe;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.protocol.ServerUrl;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What makes two subscriptions share one connection: the same server, the same credentials, the same extra headers
 * and the same transport options, TLS trust included (ntfy-android's ConnectionId). A change to any of these restarts only this server's
 * connections.
 *
 * @param server the server base URL
 * @param credentials the keychain entry to authenticate with, or null for anonymous access
 * @param headers extra request headers from the settings (never credentials), sorted so that equal maps are equal
 * @param authInQuery credentials go in ntfy's {@code auth=} query parameter instead of the header
 * @param caCertificate a PEM file of extra CA certificates trusted for this server, or null for the system's only
 * @param clientCertificate a PKCS#12 file with the client certificate for mutual TLS, or null for none
 */
public record ConnectionKey(
        ServerUrl server,
        CredentialsRef credentials,
        Map<String, String> headers,
        boolean authInQuery,
        String caCertificate,
        String clientCertificate) {
    public ConnectionKey {
        Objects.requireNonNull(server, "server");
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
    }

    public static ConnectionKey anonymous(ServerUrl server) {
        return new ConnectionKey(server, null, Map.of(), false, null, null);
    }

    /** For logs and the UI: the server and who connects, never a secret. */
    @Override
    public String toString() {
        return credentials == null ? server.value() : credentials.toString();
    }
}
