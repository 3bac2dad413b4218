package io.ntfybar.credentials;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keychain, falling back to memory for the rest of the session the first time the OS keychain fails (locked,
 * no Secret Service running, access refused). A login the user typed is never lost to a keychain error: it is kept
 * in memory and {@link #description()} says so. Thread-safe.
 */
final class FallbackKeychain implements Keychain {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackKeychain.class);

    private final Keychain primary;
    private volatile SessionKeychain fallback;

    FallbackKeychain(Keychain primary) {
        this.primary = primary;
    }

    @Override
    public void save(CredentialsRef ref, String secret) {
        SessionKeychain f = fallback;
        if (f == null) {
            try {
                primary.save(ref, secret);
                return;
            } catch (KeychainException e) {
                f = fallBack(e);
            }
        }
        f.save(ref, secret);
    }

    @Override
    public Optional<String> load(CredentialsRef ref) {
        SessionKeychain f = fallback;
        if (f != null) {
            Optional<String> inMemory = f.load(ref);
            if (inMemory.isPresent()) {
                return inMemory;
            }
        }
        try {
            return primary.load(ref);
        } catch (KeychainException e) {
            return fallBack(e).load(ref);
        }
    }

    @Override
    public void delete(CredentialsRef ref) {
        SessionKeychain f = fallback;
        if (f != null) {
            f.delete(ref);
        }
        primary.delete(ref);
    }

    @Override
    public boolean persistent() {
        return fallback == null;
    }

    @Override
    public String description() {
        SessionKeychain f = fallback;
        return f == null ? primary.description() : f.description();
    }

    private synchronized SessionKeychain fallBack(KeychainException e) {
        if (fallback == null) {
            LOG.warn("{}; keeping logins in memory for this session", e.getMessage());
            fallback = new SessionKeychain(primary.description() + " failed: " + rootMessage(e));
        }
        return fallback;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
