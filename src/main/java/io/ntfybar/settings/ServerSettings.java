package io.ntfybar.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Options for one server, as in the settings file under {@code servers:}.
 *
 * @param keepaliveSeconds the server's keepalive interval when it is not ntfy's default 45 s; null: learn it
 * @param headers extra request headers (e.g. for a proxy); never credentials
 * @param username the login name whose password is in the keychain; null: anonymous
 * @param token true when an access token for this server is in the keychain
 * @param authInQuery send the credentials as ntfy's {@code auth=} query parameter instead of the
 *     {@code Authorization} header, for proxies that drop the header (the query may end up in their logs)
 * @param caCertificate a PEM file of CA certificates to trust for this server besides the system's (a self-hosted
 *     server with its own CA); TLS stays verified, host names included
 * @param clientCertificate a PKCS#12 file with the client certificate and key this server requires (mutual TLS); its
 *     password is in the keychain under {@code CredentialsRef.clientCertificate(baseUrl)}
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ServerSettings(
        @JsonProperty("keepalive-seconds") Integer keepaliveSeconds,
        @JsonProperty("headers") Map<String, String> headers,
        @JsonProperty("username") String username,
        @JsonProperty("token") boolean token,
        @JsonProperty("auth-in-query") boolean authInQuery,
        @JsonProperty("ca-certificate") String caCertificate,
        @JsonProperty("client-certificate") String clientCertificate) {

    public ServerSettings {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (keepaliveSeconds != null && keepaliveSeconds <= 0) {
            throw new IllegalArgumentException("keepalive-seconds must be positive, not " + keepaliveSeconds);
        }
        for (String name : headers.keySet()) {
            if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")) {
                throw new IllegalArgumentException("credentials do not belong in 'headers'; ntfybar keeps them in"
                        + " the keychain (use 'username' or 'token')");
            }
        }
    }

    /** The same options with other credentials references (a username, or a token when {@code token}). */
    public ServerSettings withLogin(String newUsername, boolean newToken) {
        return new ServerSettings(
                keepaliveSeconds, headers, newUsername, newToken, authInQuery, caCertificate, clientCertificate);
    }

    public ServerSettings withCaCertificate(String pemFile) {
        return new ServerSettings(keepaliveSeconds, headers, username, token, authInQuery, pemFile, clientCertificate);
    }

    public ServerSettings withClientCertificate(String p12File) {
        return new ServerSettings(keepaliveSeconds, headers, username, token, authInQuery, caCertificate, p12File);
    }

    public ServerSettings withHeaders(Map<String, String> h) {
        return new ServerSettings(keepaliveSeconds, h, username, token, authInQuery, caCertificate, clientCertificate);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(null, Map.of(), null, false, false, null, null);
    }
}
