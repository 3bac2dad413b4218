package io.ntfybar.subscribe;

import io.ntfybar.credentials.Keychain;
import io.ntfybar.net.ServerClients;
import io.ntfybar.net.TrustException;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The engine's client for each connection, built by {@link ServerClients} from the server's settings (CA, client
 * certificate, headers). A reconcile resolves each connection once ({@link Round}); polls and probes between
 * reconciles use what the last one resolved. Thread-safe.
 */
final class ConnectionClients {
    private final ServerClients clients;
    private final Supplier<Settings> settings;
    private final Map<ConnectionKey, OkHttpClient> current = new ConcurrentHashMap<>();

    ConnectionClients(OkHttpClient streamClient, Keychain keychain, Supplier<Settings> settings) {
        this.clients = new ServerClients(streamClient, keychain);
        this.settings = settings;
    }

    /** One reconcile: each connection's client is built (or its problem found) once, however many topics it has. */
    final class Round {
        private final Map<ConnectionKey, OkHttpClient> resolved = new HashMap<>();
        private final Map<ConnectionKey, String> unusable = new HashMap<>();

        /** The sentence saying why this connection's settings cannot be used, or null when they can. */
        String problem(ConnectionKey key, String baseUrl, ServerSettings server) {
            if (!resolved.containsKey(key) && !unusable.containsKey(key)) {
                try {
                    resolved.put(key, clients.forServer(baseUrl, server));
                } catch (TrustException e) {
                    unusable.put(key, e.getMessage());
                }
            }
            return unusable.get(key);
        }

        OkHttpClient client(ConnectionKey key) {
            return resolved.get(key);
        }

        /** Makes this round's clients the current ones. */
        void commit() {
            current.putAll(resolved);
            current.keySet().retainAll(resolved.keySet());
        }
    }

    Round round() {
        return new Round();
    }

    /**
     * The client of a connection; one the last reconcile did not see is built from the current settings.
     *
     * @throws TrustException when that server's settings cannot be used
     */
    OkHttpClient clientFor(ConnectionKey key) {
        OkHttpClient c = current.get(key);
        if (c != null) {
            return c;
        }
        String url = key.server().value();
        return clients.forServer(url, settings.get().server(url));
    }
}
