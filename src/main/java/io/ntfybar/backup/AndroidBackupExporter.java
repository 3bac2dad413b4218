package io.ntfybar.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.KeychainException;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes ntfybar's state as a backup file of ntfy's Android app, so that the app can restore it: settings,
 * subscriptions, their visible messages, logins, certificates, and ntfybar's own extension. Passwords (of logins and
 * of client certificates) go in only when asked for; otherwise logins are written with an empty password and access
 * tokens are left out. The file is written whole (a temporary file, then a rename); messages are streamed, so a
 * large history does not need to fit in memory. One thread.
 */
final class AndroidBackupExporter {
    private static final int PAGE = 500;

    private final LocalState state;

    AndroidBackupExporter(LocalState state) {
        this.state = state;
    }

    /**
     * @param overwrite replace an existing file (the command line's {@code --force}; a save dialog asked already)
     * @throws BackupException when the file exists (and not {@code overwrite}) or cannot be written
     */
    ExportReport run(Path file, boolean includePasswords, boolean overwrite) {
        Path target = file.toAbsolutePath();
        if (!overwrite && Files.exists(target)) {
            throw new BackupException(target + " already exists; choose another file or replace it (--force).");
        }
        ExportReport report = new ExportReport(target, includePasswords);
        Path tmp = null;
        try {
            Path folder = target.getParent();
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, ".ntfybar-export-", ".tmp");
            ownerOnly(tmp);
            try (JsonGenerator g = AndroidMessages.JSON.getFactory().createGenerator(tmp.toFile(), JsonEncoding.UTF8)) {
                write(g, report, includePasswords);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return report;
        } catch (IOException e) {
            throw new BackupException("Cannot write " + target + ": " + e.getMessage() + ".", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private void write(JsonGenerator g, ExportReport report, boolean passwords) throws IOException {
        Settings settings = state.settings().get();
        List<Subscription> subs = state.subscriptions().all();
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("magic", AndroidValues.MAGIC);
        g.writeNumberField("version", AndroidValues.VERSION);
        g.writeFieldName("settings");
        g.writeTree(AndroidSettings.write(settings));
        g.writeArrayFieldStart("subscriptions");
        for (Subscription s : subs) {
            g.writeTree(subscription(s));
            report.addSubscription();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notifications");
        for (Subscription s : subs) {
            int n = 0;
            for (StoredMessage before = null; ; ) {
                List<StoredMessage> page = state.messages().page(s.id(), before, PAGE);
                for (StoredMessage m : page) {
                    g.writeTree(AndroidMessages.write(m.message(), s.id()));
                }
                n += page.size();
                if (page.size() < PAGE) {
                    break;
                }
                before = page.get(page.size() - 1);
            }
            report.addMessages(n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("users");
        for (Map.Entry<String, ServerSettings> e : settings.servers().entrySet()) {
            user(g, e.getKey(), e.getValue(), passwords, report);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("trustedCertificates");
        for (Map.Entry<String, ServerSettings> e : settings.servers().entrySet()) {
            trusted(g, e.getKey(), e.getValue(), report);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("clientCertificates");
        for (Map.Entry<String, ServerSettings> e : settings.servers().entrySet()) {
            client(g, e.getKey(), e.getValue(), passwords, report);
        }
        g.writeEndArray();
        ObjectNode ext = AndroidSettings.writeExtension(settings);
        var extras = ext.putArray("subscriptions");
        for (Subscription s : subs) {
            if (s.iconUrl() != null || s.keepMessages() != 0) {
                ObjectNode o = extras.addObject();
                o.put("id", s.id());
                o.put("iconUrl", s.iconUrl());
                o.put("keepMessages", s.keepMessages());
            }
        }
        g.writeFieldName("ntfybar");
        g.writeTree(ext);
        g.writeEndObject();
    }

    private ObjectNode subscription(Subscription s) {
        ObjectNode o = AndroidMessages.JSON.createObjectNode();
        o.put("id", s.id());
        o.put("baseUrl", s.baseUrl());
        o.put("topic", s.topic());
        o.put("instant", true);
        o.put("dedicatedChannels", false);
        o.put("mutedUntil", AndroidValues.muteToAndroid(s.mutedUntil()));
        o.put("minPriority", s.minPriority());
        o.put("autoDelete", AndroidValues.autoDeleteToAndroid(s.autoDeleteSeconds()));
        o.put("insistent", AndroidValues.ANDROID_USE_GLOBAL);
        List<StoredMessage> newest = state.messages().page(s.id(), null, 1);
        o.put(
                "lastNotificationId",
                newest.isEmpty() ? null : newest.get(0).message().id());
        // Android's icon is an image file on the phone (a content:// URI); ntfybar's URL goes in the extension.
        o.putNull("icon");
        o.putNull("upAppId");
        o.putNull("upConnectorToken");
        o.put("displayName", s.displayName());
        return o;
    }

    private void user(JsonGenerator g, String url, ServerSettings s, boolean passwords, ExportReport report)
            throws IOException {
        boolean named = s.username() != null && !s.username().isEmpty();
        if (!named && !s.token()) {
            return;
        }
        String who = (named ? s.username() : "access token") + "@"
                + ServerUrl.of(url).shortForm();
        if (!named && !passwords) {
            report.skip(who, "an access token is a secret: it is exported only with passwords");
            return;
        }
        String secret = "";
        if (passwords) {
            Optional<String> stored = secret(named ? new CredentialsRef(url, s.username()) : CredentialsRef.token(url));
            if (stored.isEmpty()) {
                report.skip(who, "no secret for it is in the keychain");
                if (!named) {
                    return;
                }
            }
            secret = stored.orElse("");
        }
        g.writeStartObject();
        g.writeStringField("baseUrl", url);
        g.writeStringField("username", named ? s.username() : "");
        g.writeStringField("password", secret);
        g.writeEndObject();
        report.addLogin();
    }

    private void trusted(JsonGenerator g, String url, ServerSettings s, ExportReport report) throws IOException {
        if (s.caCertificate() == null) {
            return;
        }
        List<String> pems;
        try {
            pems = CertificateFiles.pemBlocks(Path.of(s.caCertificate()));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            report.skip("trusted certificate " + s.caCertificate(), "it cannot be read (" + e.getMessage() + ")");
            return;
        }
        for (String pem : pems) {
            g.writeStartObject();
            g.writeStringField("baseUrl", url);
            g.writeStringField("pem", pem);
            g.writeEndObject();
            report.addCertificate();
        }
    }

    private void client(JsonGenerator g, String url, ServerSettings s, boolean passwords, ExportReport report)
            throws IOException {
        if (s.clientCertificate() == null) {
            return;
        }
        byte[] p12;
        try {
            p12 = Files.readAllBytes(Path.of(s.clientCertificate()));
        } catch (IOException | RuntimeException e) {
            report.skip("client certificate " + s.clientCertificate(), "it cannot be read (" + e.getMessage() + ")");
            return;
        }
        String password = "";
        if (passwords) {
            password = secret(CredentialsRef.clientCertificate(url)).orElse("");
        }
        g.writeStartObject();
        g.writeStringField("baseUrl", url);
        g.writeStringField("p12Base64", Base64.getEncoder().encodeToString(p12));
        g.writeStringField("password", password);
        g.writeEndObject();
        report.addCertificate();
    }

    private Optional<String> secret(CredentialsRef ref) {
        try {
            return state.keychain().load(ref);
        } catch (KeychainException e) {
            return Optional.empty();
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the user's own folder decides.
        }
    }
}
