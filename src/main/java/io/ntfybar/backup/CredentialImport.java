package io.ntfybar.backup;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.KeychainException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Imports what a server needs to let ntfybar in: a login (its secret into the keychain, its name into settings.yml),
 * trusted CA certificates and a client certificate (files under {@code certs/}, their paths into settings.yml, a
 * client certificate's password into the keychain). Merge rule: what a server already has is kept; an import only
 * fills what is missing. One thread.
 */
final class CredentialImport {
    private final LocalState state;
    private final PendingSettings pending;
    private final ImportReport report;
    private final CertificateFiles files;
    /** Per server, the login this import took (account and secret): the same one again is no news. */
    private final Map<String, String> loginsTaken = new HashMap<>();

    CredentialImport(LocalState state, PendingSettings pending, ImportReport report) {
        this.state = state;
        this.pending = pending;
        this.report = report;
        this.files = new CertificateFiles(state.certificates());
    }

    /**
     * A login for {@code server}: a user and password, or an access token when {@code username} is null.
     *
     * @param what how the report names it, e.g. {@code login phil@ntfy.example.com}
     */
    void login(String what, ServerUrl server, String username, String secret) {
        String url = server.value();
        boolean token = username == null;
        if (secret == null || secret.isEmpty()) {
            report.skip(what, "the file holds no " + (token ? "token" : "password") + "; log in again in the app");
            return;
        }
        if (!token
                && (username.isBlank()
                        || username.contains(":")
                        || !username.strip().equals(username))) {
            report.skip(what, "\"" + username + "\" is not an ntfy user name");
            return;
        }
        CredentialsRef ref = token ? CredentialsRef.token(url) : new CredentialsRef(url, username);
        String taken = loginsTaken.putIfAbsent(url, ref.account() + "\n" + secret);
        if (taken != null) {
            if (!taken.equals(ref.account() + "\n" + secret)) {
                report.skip(what, "another login for this server was already taken from this file");
            }
            return;
        }
        CredentialsRef existing = loginOf(url, server(url));
        if (existing != null && !existing.equals(ref)) {
            report.skip(what, "this server already has a login (" + existing.account() + "); ntfybar keeps it");
            return;
        }
        if (!keychainUsable(what)) {
            return;
        }
        boolean stored = hasSecret(ref);
        if (existing != null && stored) {
            report.skip(what, "already saved; the saved " + (token ? "token" : "password") + " is kept");
            return;
        }
        if (!saveSecret(what, ref, secret)) {
            return;
        }
        Runnable undo = () -> state.keychain().delete(ref);
        if (existing != null) {
            report.addLogin(url); // the settings already name it; only its secret was missing
            return;
        }
        queue(what, s -> s.withServer(url, s.server(url).withLogin(username, token)), undo, () -> report.addLogin(url));
    }

    /** Trusted CA certificates for {@code server}, written together as one PEM file. */
    void trusted(String what, ServerUrl server, List<X509Certificate> certificates) {
        String url = server.value();
        String existing = server(url).caCertificate();
        if (existing != null) {
            report.skip(what, "this server already trusts " + existing + "; ntfybar keeps it");
            return;
        }
        Path file;
        try {
            file = files.writePem(server, certificates);
        } catch (IOException | GeneralSecurityException e) {
            report.skip(what, "the certificate file could not be written: " + e.getMessage());
            return;
        }
        queue(
                what,
                s -> s.withServer(url, s.server(url).withCaCertificate(file.toString())),
                () -> deleteQuietly(file),
                () -> report.addCertificate(url));
    }

    /** A client certificate (PKCS#12) and its password for {@code server}. */
    void client(String what, ServerUrl server, byte[] p12, String password) {
        String url = server.value();
        String existing = server(url).clientCertificate();
        if (existing != null) {
            report.skip(what, "this server already has the client certificate " + existing + "; ntfybar keeps it");
            return;
        }
        String pass = password == null ? "" : password;
        try {
            CertificateFiles.checkP12(p12, pass);
        } catch (GeneralSecurityException e) {
            report.skip(
                    what,
                    pass.isEmpty()
                            ? "the file holds no password for it (exported without passwords)"
                            : "it cannot be used: " + e.getMessage());
            return;
        }
        CredentialsRef ref = CredentialsRef.clientCertificate(url);
        if (!pass.isEmpty() && !(keychainUsable(what) && saveSecret(what, ref, pass))) {
            return;
        }
        Path file;
        try {
            file = files.writeP12(server, p12);
        } catch (IOException e) {
            state.keychain().delete(ref);
            report.skip(what, "the certificate file could not be written: " + e.getMessage());
            return;
        }
        queue(
                what,
                s -> s.withServer(url, s.server(url).withClientCertificate(file.toString())),
                () -> {
                    deleteQuietly(file);
                    state.keychain().delete(ref);
                },
                () -> report.addCertificate(url));
    }

    /** The server's settings as they will be with what this import queued so far. */
    private ServerSettings server(String url) {
        return pending.preview(state.settings().get()).server(url);
    }

    /** The login a server's settings name (as the engine reads them), or null for none. */
    private static CredentialsRef loginOf(String url, ServerSettings s) {
        if (s.username() != null && !s.username().isEmpty()) {
            return new CredentialsRef(url, s.username());
        }
        return s.token() ? CredentialsRef.token(url) : null;
    }

    private void queue(String what, UnaryOperator<Settings> change, Runnable undo, Runnable saved) {
        String refused = pending.add(state.settings().get(), what, change, undo, saved);
        if (refused != null) {
            report.skip(what, refused);
        }
    }

    private boolean keychainUsable(String what) {
        if (state.keychain().persistent()) {
            return true;
        }
        if (!state.sessionSecretsOk()) {
            report.skip(
                    what,
                    "its secret would be kept in " + state.keychain().description()
                            + "; import the file in the app, or where an OS keychain runs");
            return false;
        }
        report.note("Imported passwords are kept in " + state.keychain().description() + ".");
        return true;
    }

    private boolean hasSecret(CredentialsRef ref) {
        try {
            return state.keychain().load(ref).isPresent();
        } catch (KeychainException e) {
            return false;
        }
    }

    private boolean saveSecret(String what, CredentialsRef ref, String secret) {
        try {
            state.keychain().save(ref, secret);
        } catch (KeychainException e) {
            report.skip(what, e.getMessage());
            return false;
        }
        // An OS keychain that fails on the first write falls back to memory: only now is that known.
        if (!state.keychain().persistent() && !keychainUsable(what)) {
            state.keychain().delete(ref);
            return false;
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // unused by any setting; harmless
        }
    }
}
