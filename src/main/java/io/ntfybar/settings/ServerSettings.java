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
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ServerSettings(
        @JsonProperty("keepalive-seconds") Integer keepaliveSeconds,
        @JsonProperty("headers") Map<String, String> headers,
        @JsonProperty("username") String username,
        @JsonProperty("token") boolean token) {

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

    public static ServerSettings defaults() {
        return new ServerSettings(null, Map.of(), null, false);
    }
}
