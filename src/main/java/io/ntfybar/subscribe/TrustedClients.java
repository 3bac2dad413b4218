package io.ntfybar.subscribe;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * The stream client for each connection: the shared one, or one that also trusts the server's own CA certificate
 * ({@link HttpClients#trusting}). Clients are kept per PEM file and its modification time, so a replaced file is read
 * again. Thread-safe.
 */
public final class TrustedClients {
    private final OkHttpClient shared;
    private final Map<String, OkHttpClient> byPem = new ConcurrentHashMap<>();

    public TrustedClients(OkHttpClient shared) {
        this.shared = shared;
    }

    /** @throws IllegalStateException with the reason when the server's CA file cannot be used */
    OkHttpClient forKey(ConnectionKey key) {
        return forCaFile(key.caCertificate());
    }

    /**
     * The shared client, or one that also trusts the CA certificates in this PEM file (null: none).
     *
     * @throws IllegalStateException with the reason when the file cannot be used
     */
    public OkHttpClient forCaFile(String caCertificate) {
        if (caCertificate == null) {
            return shared;
        }
        Path pem = Path.of(caCertificate);
        return byPem.computeIfAbsent(pem + "@" + pem.toFile().lastModified(), v -> {
            try {
                return HttpClients.trusting(shared, pem);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** A sentence for the user when the server's CA file cannot be used, else null. */
    String problem(ConnectionKey key) {
        try {
            forKey(key);
            return null;
        } catch (RuntimeException e) {
            return "Cannot use the CA certificate " + key.caCertificate() + " set for " + key.server() + " ("
                    + e.getMessage() + "). Fix 'ca-certificate' for this server in the settings.";
        }
    }
}
