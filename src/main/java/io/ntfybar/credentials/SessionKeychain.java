package io.ntfybar.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fallback when no OS keychain works: secrets in memory, gone when ntfybar quits. Thread-safe. */
final class SessionKeychain implements Keychain {
    private final Map<CredentialsRef, String> secrets = new ConcurrentHashMap<>();
    private final String reason;

    SessionKeychain(String reason) {
        this.reason = reason;
    }

    @Override
    public void save(CredentialsRef ref, String secret) {
        secrets.put(ref, secret);
    }

    @Override
    public Optional<String> load(CredentialsRef ref) {
        return Optional.ofNullable(secrets.get(ref));
    }

    @Override
    public void delete(CredentialsRef ref) {
        secrets.remove(ref);
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public String description() {
        return "memory only, until ntfybar quits (no keychain available: " + reason + ")";
    }
}
