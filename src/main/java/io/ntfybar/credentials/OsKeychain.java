package io.ntfybar.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Locale;
import java.util.Optional;

/**
 * The OS keychain through java-keyring: macOS Keychain, the freedesktop Secret Service (gnome-keyring, KWallet) on
 * Linux, the Windows Credential Manager. On Linux it talks to the session bus of the environment
 * ({@code DBUS_SESSION_BUS_ADDRESS}). Thread-safe (calls are serialised; the backends are not all re-entrant).
 */
final class OsKeychain implements Keychain {
    private final Keyring keyring;
    private final String description;

    private OsKeychain(Keyring keyring, String description) {
        this.keyring = keyring;
        this.description = description;
    }

    /** The OS keychain, or empty (with the reason) when this machine has none that works. */
    static Optional<OsKeychain> open(StringBuilder whyNot) {
        try {
            Keyring k = Keyring.create();
            // Keyring.create() succeeds even with no reachable service; a read of an absent entry proves it works
            // (and, unlike a write, never prompts the user).
            try {
                k.getPassword(CredentialsRef.SERVICE_PREFIX + "probe", "probe");
            } catch (PasswordAccessException absent) {
                // expected: the probe entry does not exist
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String what = os.startsWith("mac")
                    ? "the macOS Keychain"
                    : os.startsWith("windows")
                            ? "the Windows Credential Manager"
                            : "the desktop keyring (Secret Service)";
            return Optional.of(new OsKeychain(k, what));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            whyNot.append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void save(CredentialsRef ref, String secret) {
        try {
            keyring.setPassword(ref.service(), ref.account(), secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new KeychainException(
                    "Could not save the login for " + ref + " in " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<String> load(CredentialsRef ref) {
        try {
            return Optional.ofNullable(keyring.getPassword(ref.service(), ref.account()));
        } catch (PasswordAccessException e) {
            // java-keyring reports a missing entry as an access exception on every backend.
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new KeychainException(
                    "Could not read the login for " + ref + " from " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void delete(CredentialsRef ref) {
        try {
            keyring.deletePassword(ref.service(), ref.account());
        } catch (PasswordAccessException | RuntimeException e) {
            // Nothing to delete is fine; anything else leaves at worst a stale entry in the keychain.
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public String description() {
        return description;
    }
}
