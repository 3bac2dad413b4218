package io.ntfybar.credentials;

import java.util.Optional;

/**
 * Where passwords and tokens live: the OS keychain (macOS Keychain, Linux Secret Service, Windows Credential Manager)
 * or, when none is available, memory for this session only. Never H2, settings files or logs.
 *
 * <p>Entries are keyed by {@link CredentialsRef}. Implementations are thread-safe; calls may block briefly on the OS
 * service, so never call them on the FX or AWT thread.
 */
public interface Keychain {
    /** Stores (or replaces) the secret for {@code ref}. @throws KeychainException when the OS refuses */
    void save(CredentialsRef ref, String secret);

    /** The secret for {@code ref}, if one is stored. @throws KeychainException when the OS refuses */
    Optional<String> load(CredentialsRef ref);

    /** Removes the secret for {@code ref}; no error when there is none. */
    void delete(CredentialsRef ref);

    /** True when secrets outlive this process. */
    boolean persistent();

    /** A sentence for the user saying where secrets are kept, e.g. "the macOS Keychain". */
    String description();
}
