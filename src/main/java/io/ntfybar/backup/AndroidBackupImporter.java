package io.ntfybar.backup;

import static io.ntfybar.backup.JsonFields.array;
import static io.ntfybar.backup.JsonFields.nonBlank;
import static io.ntfybar.backup.JsonFields.object;
import static io.ntfybar.backup.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.ntfybar.protocol.ServerUrl;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores a backup file of ntfy's Android app ({@code backup/Backuper.kt}: magic {@code ntfy2586}, version 1) into
 * ntfybar: certificates and logins first (so the first connection already uses them), then settings, then
 * subscriptions with their messages. A file that is not such a backup, or is of a newer version, is refused whole;
 * within a good file, each part that cannot be used is skipped with its reason and the rest goes in. One thread.
 */
final class AndroidBackupImporter {
    static final String SOURCE = "an ntfy Android backup";

    private final LocalState state;

    AndroidBackupImporter(LocalState state) {
        this.state = state;
    }

    /** @throws BackupException when {@code root} is not an Android backup ntfybar can read; nothing is changed then */
    ImportReport run(JsonNode root) {
        check(root);
        ImportReport report = new ImportReport(SOURCE);
        PendingSettings pending = new PendingSettings();
        CredentialImport credentials = new CredentialImport(state, pending, report);
        JsonNode extension = object(root, "ntfybar");
        trusted(array(root, "trustedCertificates"), credentials, report);
        clients(array(root, "clientCertificates"), credentials, report);
        users(array(root, "users"), credentials, report);
        new AndroidSettings(state, pending, report).read(object(root, "settings"), extension);
        pending.commit(state, report);
        new AndroidSubscriptions(state, report)
                .read(array(root, "subscriptions"), array(root, "notifications"), extension);
        return report;
    }

    static void check(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new BackupException("It is not an ntfy backup: the file holds no JSON object.");
        }
        String magic = text(root, "magic");
        if (!AndroidValues.MAGIC.equals(magic)) {
            throw new BackupException("It is not an ntfy backup: "
                    + (magic == null ? "it has no \"magic\" field" : "its magic is \"" + shorten(magic) + "\"")
                    + " where ntfy's Android app writes \"" + AndroidValues.MAGIC + "\".");
        }
        JsonNode v = root.get("version");
        if (v == null || !v.isIntegralNumber()) {
            throw new BackupException(
                    "The backup has no version number; ntfybar reads version " + AndroidValues.VERSION + ".");
        }
        if (v.longValue() != AndroidValues.VERSION) {
            throw new BackupException("The backup is of version " + v.longValue()
                    + (v.longValue() > AndroidValues.VERSION ? ", made by a newer ntfy app" : "")
                    + "; ntfybar reads version " + AndroidValues.VERSION + ". Nothing was imported.");
        }
    }

    /** Trusted certificates, gathered per server: Android keeps one entry per certificate, ntfybar one file. */
    private static void trusted(JsonNode entries, CredentialImport credentials, ImportReport report) {
        if (entries == null) {
            return;
        }
        Map<ServerUrl, List<X509Certificate>> byServer = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode e : entries) {
            i++;
            ServerUrl server = server(e, "trusted certificate " + i, report);
            if (server == null) {
                continue;
            }
            String what = "trusted certificate " + i + " for " + server.shortForm();
            try {
                List<X509Certificate> certs = CertificateFiles.parsePem(text(e, "pem"));
                byServer.computeIfAbsent(server, k -> new ArrayList<>()).addAll(certs);
            } catch (GeneralSecurityException ex) {
                report.skip(what, "not a usable certificate (" + ex.getMessage() + ")");
            }
        }
        byServer.forEach((server, certs) -> credentials.trusted(
                Counts.of(certs.size(), "trusted certificate", "trusted certificates") + " for " + server.shortForm(),
                server,
                certs));
    }

    private static void clients(JsonNode entries, CredentialImport credentials, ImportReport report) {
        if (entries == null) {
            return;
        }
        int i = 0;
        for (JsonNode e : entries) {
            i++;
            ServerUrl server = server(e, "client certificate " + i, report);
            if (server == null) {
                continue;
            }
            String what = "client certificate for " + server.shortForm();
            byte[] p12;
            try {
                String b64 = nonBlank(e, "p12Base64");
                if (b64 == null) {
                    report.skip(what, "it has no p12Base64");
                    continue;
                }
                p12 = Base64.getMimeDecoder().decode(b64);
            } catch (IllegalArgumentException ex) {
                report.skip(what, "p12Base64 is not Base64");
                continue;
            }
            credentials.client(what, server, p12, text(e, "password"));
        }
    }

    private static void users(JsonNode entries, CredentialImport credentials, ImportReport report) {
        if (entries == null) {
            return;
        }
        int i = 0;
        for (JsonNode e : entries) {
            i++;
            ServerUrl server = server(e, "login " + i, report);
            if (server == null) {
                continue;
            }
            String user = text(e, "username");
            String password = text(e, "password");
            // An empty user name with a token as password is how ntfy takes a token over Basic auth.
            boolean token = (user == null || user.isEmpty()) && password != null && !password.isEmpty();
            String what = "login " + (token ? "token" : user) + "@" + server.shortForm();
            credentials.login(what, server, token ? null : (user == null ? "" : user), password);
        }
    }

    private static ServerUrl server(JsonNode e, String what, ImportReport report) {
        if (!e.isObject()) {
            report.skip(what, "not a JSON object");
            return null;
        }
        String base = nonBlank(e, "baseUrl");
        if (base == null) {
            report.skip(what, "it has no server (baseUrl)");
            return null;
        }
        try {
            return ServerUrl.of(base);
        } catch (RuntimeException ex) {
            report.skip(what, ex.getMessage());
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
