package io.ntfybar.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the keychain at run time: the OS one when it works, else memory for this session (and says so). An OS
 * keychain that fails later (locked, service gone) also falls back to memory rather than losing a login.
 */
public final class Keychains {
    private static final Logger LOG = LoggerFactory.getLogger(Keychains.class);

    private Keychains() {}

    public static Keychain detect() {
        StringBuilder whyNot = new StringBuilder();
        java.util.Optional<Keychain> os = OsKeychain.open(whyNot).map(FallbackKeychain::new);
        return os.orElseGet(() -> {
            LOG.warn("no OS keychain available ({}); logins are kept in memory for this session only", whyNot);
            return new SessionKeychain(whyNot.toString());
        });
    }

    /** Memory only, for the CLI's one-off {@code -u user:pass} and for tests. */
    public static Keychain sessionOnly(String reason) {
        return new SessionKeychain(reason);
    }
}
