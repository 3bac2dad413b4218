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

    /**
     * A keychain that is looked for only when first used (a D-Bus round trip or two), e.g. for a command that may
     * never need a secret.
     */
    public static Keychain lazy(java.util.function.Supplier<Keychain> open) {
        return new Keychain() {
            private Keychain opened;

            private synchronized Keychain get() {
                if (opened == null) {
                    opened = open.get();
                }
                return opened;
            }

            @Override
            public void save(CredentialsRef ref, String secret) {
                get().save(ref, secret);
            }

            @Override
            public java.util.Optional<String> load(CredentialsRef ref) {
                return get().load(ref);
            }

            @Override
            public void delete(CredentialsRef ref) {
                get().delete(ref);
            }

            @Override
            public boolean persistent() {
                return get().persistent();
            }

            @Override
            public String description() {
                return get().description();
            }
        };
    }

    /**
     * Secrets of this run first ({@code session}: what was typed on the command line, saved there and nowhere
     * else), then {@code lasting} for what is not among them (a client certificate's password the app stored).
     * Deletes go to the session only: a command-line run never removes the app's secrets.
     */
    public static Keychain overlay(Keychain session, Keychain lasting) {
        return new Keychain() {
            @Override
            public void save(CredentialsRef ref, String secret) {
                session.save(ref, secret);
            }

            @Override
            public java.util.Optional<String> load(CredentialsRef ref) {
                java.util.Optional<String> own = session.load(ref);
                return own.isPresent() ? own : lasting.load(ref);
            }

            @Override
            public void delete(CredentialsRef ref) {
                session.delete(ref);
            }

            @Override
            public boolean persistent() {
                return false;
            }

            @Override
            public String description() {
                return session.description() + ", then " + lasting.description();
            }
        };
    }

    /** Memory only, for the CLI's one-off {@code -u user:pass} and for tests. */
    public static Keychain sessionOnly(String reason) {
        return new SessionKeychain(reason);
    }
}
