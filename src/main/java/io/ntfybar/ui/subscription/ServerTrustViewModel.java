package io.ntfybar.ui.subscription;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.KeychainException;
import io.ntfybar.model.Subscription;
import io.ntfybar.net.CertificateInfo;
import io.ntfybar.net.TlsMaterial;
import io.ntfybar.net.TrustException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.SettingsException;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Server trust" part of the Subscription settings window, for the subscription's server: a CA certificate (PEM)
 * to trust besides the system's, a client certificate (PKCS#12) with its password for mutual TLS, and custom headers.
 * Everything is checked before anything is saved (the certificate files are read, the .p12 opened with the password);
 * then the files are copied into the config folder's {@code certs}, the password goes to the keychain only, the
 * settings are written and the server's connections start again. FX thread; work on {@link UiThreads#io()}.
 */
public final class ServerTrustViewModel {
    private static final UiText TEXT = UiText.of(ServerTrustViewModel.class);

    private final AppCore core;
    private final UiThreads threads;
    private final Supplier<Subscription> subscription;
    private final Clock clock;

    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty serverName = new SimpleStringProperty("");
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty caInfo = new SimpleStringProperty("");
    private final StringProperty clientFile = new SimpleStringProperty("");
    private final StringProperty clientPassword = new SimpleStringProperty("");
    private final StringProperty clientInfo = new SimpleStringProperty("");
    private final StringProperty headers = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private String savedClientFile;

    ServerTrustViewModel(AppCore core, UiThreads threads, Supplier<Subscription> subscription, Clock clock) {
        this.core = core;
        this.threads = threads;
        this.subscription = subscription;
        this.clock = clock;
    }

    /** Shows the server's settings as loaded (FX thread). */
    void show(ServerSettings server) {
        cancel();
        error.set("");
        info.set("");
        summary.set(summary(server));
        Subscription s = subscription.get();
        serverName.set(s == null ? "" : ServerUrl.of(s.baseUrl()).shortForm());
    }

    /** Shows the fields, filled from the server's settings, with what its files hold. */
    public void start() {
        Subscription s = subscription.get();
        if (s == null) {
            return;
        }
        error.set("");
        info.set("");
        threads.io().execute(() -> {
            ServerSettings server = core.settings().server(s.baseUrl());
            String ca = orEmpty(server.caCertificate());
            String p12 = orEmpty(server.clientCertificate());
            String caText = ca.isEmpty() ? "" : caDescription(TlsMaterial.file(ca));
            threads.fx().execute(() -> {
                caFile.set(ca);
                caInfo.set(caText);
                clientFile.set(p12);
                savedClientFile = p12;
                clientPassword.set("");
                clientInfo.set(p12.isEmpty() ? "" : TEXT.get("trust.client.keep"));
                headers.set(TrustInput.text(server.headers()));
                editing.set(true);
            });
        });
    }

    /** Reads the chosen CA file and shows whose certificate it is (or why it cannot be used). */
    public void readCa() {
        String file = caFile.get().strip();
        if (file.isEmpty()) {
            caInfo.set("");
            return;
        }
        threads.io().execute(() -> {
            String text = caDescription(TlsMaterial.file(file));
            threads.fx().execute(() -> caInfo.set(text));
        });
    }

    public void cancel() {
        editing.set(false);
        clientPassword.set("");
    }

    /** Checks everything, then saves it for the server and reconnects it; nothing is changed when a check fails. */
    public void save() {
        Subscription s = subscription.get();
        if (s == null || busy.get()) {
            return;
        }
        ServerUrl server = ServerUrl.of(s.baseUrl());
        String ca = caFile.get().strip();
        String p12 = clientFile.get().strip();
        String password = clientPassword.get();
        String headerText = headers.get();
        boolean newPassword = !password.isEmpty() || !p12.equals(savedClientFile);
        error.set("");
        info.set("");
        busy.set(true);
        threads.io().execute(() -> {
            Optional<String> failed = saveNow(server, ca, p12, newPassword ? password : null, headerText);
            ServerSettings now = core.settings().server(server.value());
            threads.fx().execute(() -> {
                busy.set(false);
                if (failed.isPresent()) {
                    error.set(failed.get());
                    return;
                }
                summary.set(summary(now));
                cancel();
                info.set(TEXT.get("trust.saved", server.shortForm()));
            });
        });
    }

    /**
     * I/O thread: the checks, then the copies, the keychain and the settings.
     *
     * @param password the .p12 file's password as typed, or null to keep the one in the keychain
     */
    private Optional<String> saveNow(ServerUrl server, String ca, String p12, String password, String headerText) {
        Map<String, String> parsed;
        try {
            parsed = TrustInput.headers(headerText);
            io.ntfybar.net.ServerClients.headers(server.shortForm(), parsed);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        CredentialsRef ref = CredentialsRef.clientCertificate(server.value());
        boolean newPassword = password != null;
        try {
            if (!ca.isEmpty()) {
                TlsMaterial.readCertificates(TlsMaterial.file(ca));
            }
            if (!p12.isEmpty()) {
                String check =
                        newPassword ? password : core.keychain().load(ref).orElse("");
                TlsMaterial.readClientCertificate(TlsMaterial.file(p12), check.toCharArray(), clock.instant());
            }
        } catch (TrustException e) {
            return Optional.of(TEXT.get("trust.unusable", e.getMessage()));
        } catch (KeychainException e) {
            return Optional.of(TEXT.get("trust.keychainFailed", core.keychain().description(), e.getMessage()));
        }
        Path certs = core.paths().config().resolve("certs");
        String keptCa;
        String keptP12;
        try {
            keptCa = ca.isEmpty()
                    ? null
                    : TrustInput.keep(TlsMaterial.file(ca), certs, server, "ca.pem")
                            .toString();
            keptP12 = p12.isEmpty()
                    ? null
                    : TrustInput.keep(TlsMaterial.file(p12), certs, server, "client.p12")
                            .toString();
        } catch (IOException e) {
            return Optional.of(TEXT.get("trust.copyFailed", certs, e.getMessage()));
        }
        try {
            if (keptP12 == null) {
                core.keychain().delete(ref);
            } else if (newPassword) {
                core.keychain().save(ref, password);
            }
        } catch (KeychainException e) {
            return Optional.of(TEXT.get("trust.keychainFailed", core.keychain().description(), e.getMessage()));
        }
        try {
            String url = server.value();
            core.updateSettings(x -> x.withServer(
                    url,
                    x.server(url)
                            .withCaCertificate(keptCa)
                            .withClientCertificate(keptP12)
                            .withHeaders(parsed)));
        } catch (SettingsException | IllegalArgumentException e) {
            return Optional.of(TEXT.get("trust.settingsFailed", e.getMessage()));
        }
        core.loginChanged(server.value());
        return Optional.empty();
    }

    private String caDescription(Path file) {
        try {
            List<X509Certificate> certs = TlsMaterial.readCertificates(file);
            String first = TrustInput.describe(CertificateInfo.of(certs.get(0)), clock.instant());
            return certs.size() == 1 ? first : TEXT.get("trust.ca.more", first, certs.size() - 1);
        } catch (TrustException e) {
            return TEXT.get("trust.unusable", e.getMessage());
        }
    }

    static String summary(ServerSettings s) {
        String ca = s.caCertificate() == null ? TEXT.get("trust.summary.systemCas") : TEXT.get("trust.summary.ownCa");
        String client = s.clientCertificate() == null
                ? TEXT.get("trust.summary.noClient")
                : TEXT.get(
                        "trust.summary.client",
                        TlsMaterial.file(s.clientCertificate()).getFileName());
        String h = s.headers().isEmpty()
                ? TEXT.get("trust.summary.noHeaders")
                : TEXT.get(
                        "trust.summary.headers",
                        String.join(", ", new java.util.TreeSet<>(s.headers().keySet())));
        return ca + " · " + client + " · " + h;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    // Properties, for the view and tests.

    /** The server these settings are for, as shown ({@code ntfy.example.com}). */
    public StringProperty serverNameProperty() {
        return serverName;
    }

    /** What the server uses now, in one line. */
    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    /** The CA certificate file (PEM); empty: the system's CAs only. */
    public StringProperty caFileProperty() {
        return caFile;
    }

    /** Whose certificate the CA file holds, its SHA-256 fingerprint and expiry, or why it cannot be used. */
    public StringProperty caInfoProperty() {
        return caInfo;
    }

    /** The client certificate file (.p12); empty: none. */
    public StringProperty clientFileProperty() {
        return clientFile;
    }

    /** The .p12 file's password; empty keeps the saved one for an unchanged file. Never saved but to the keychain. */
    public StringProperty clientPasswordProperty() {
        return clientPassword;
    }

    public StringProperty clientInfoProperty() {
        return clientInfo;
    }

    /** Custom headers, one {@code Name: value} per line. */
    public StringProperty headersProperty() {
        return headers;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }
}
