package io.ntfybar.backup;

import static io.ntfybar.backup.JsonFields.bool;
import static io.ntfybar.backup.JsonFields.integral;
import static io.ntfybar.backup.JsonFields.object;
import static io.ntfybar.backup.JsonFields.present;
import static io.ntfybar.backup.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.NotificationSettings;
import io.ntfybar.settings.Retention;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code settings} of an Android backup to ntfybar's settings and back, plus ntfybar's own extension: the
 * settings Android has no field for, under the top-level key {@code ntfybar} (Android's importer, Gson, ignores
 * keys it does not know). Merge rule: settings from the file replace ntfybar's (a restore), except an empty
 * {@code defaultBaseUrl} (Android's "not set") and a server's own options, which are only filled in where missing.
 */
final class AndroidSettings {
    /** Android settings ntfybar has nothing for. */
    static final List<String> WITHOUT_EQUIVALENT =
            List.of("dynamicColors", "connectionProtocol", "broadcastEnabled", "recordLogs", "lastSharedTopics");

    private final LocalState state;
    private final PendingSettings pending;
    private final ImportReport report;

    AndroidSettings(LocalState state, PendingSettings pending, ImportReport report) {
        this.state = state;
        this.pending = pending;
        this.report = report;
    }

    /** Queues the settings of the file's {@code settings} object and of ntfybar's extension object (either may be null). */
    void read(JsonNode android, JsonNode extension) {
        if (android != null) {
            readAndroid(android);
        }
        if (extension != null) {
            readExtension(extension);
        }
    }

    private void readAndroid(JsonNode a) {
        Long min = integral(a, "minPriority");
        if (min != null) {
            int p = (int) Math.max(1, Math.min(Integer.MAX_VALUE, min));
            queue("setting minPriority", s -> s.withMinPriority(p));
        }
        Long download = integral(a, "autoDownloadMaxSize");
        if (download != null) {
            AndroidValues.autoDownloadFromAndroid(download)
                    .ifPresentOrElse(
                            v -> queue("setting autoDownloadMaxSize", s -> s.withNotifications(autoDownload(s, v))),
                            () -> report.skip(
                                    "setting autoDownloadMaxSize",
                                    download + " bytes is none of the choices (never, 100k, 500k, 1m, 5m, 10m, 50m,"
                                            + " always)"));
        }
        Long delete = integral(a, "autoDeleteSeconds");
        if (delete != null) {
            int days = AndroidValues.keepDaysFromAndroid(delete);
            queue(
                    "setting autoDeleteSeconds",
                    s -> s.withRetention(new Retention(days, s.retention().keepMessages())));
        }
        Long dark = integral(a, "darkMode");
        if (dark != null) {
            AndroidValues.appearanceFromAndroid(dark)
                    .ifPresentOrElse(
                            v -> queue("setting darkMode", s -> s.withAppearance(v)),
                            () -> report.skip("setting darkMode", dark + " is not a theme ntfybar has"));
        }
        String server = text(a, "defaultBaseUrl");
        if (server != null && !server.isBlank()) {
            try {
                String url = ServerUrl.of(server).value();
                queue("setting defaultBaseUrl", s -> s.withDefaultServer(url));
            } catch (RuntimeException e) {
                report.skip("setting defaultBaseUrl", e.getMessage());
            }
        }
        Long muted = integral(a, "mutedUntil");
        if (muted != null) {
            long until = AndroidValues.muteFromAndroid(muted);
            queue(
                    "setting mutedUntil",
                    s -> s.withNotifications(s.notifications().withMutedUntil(until)));
        }
        Long alert = integral(a, "connectionAlertSeconds");
        if (alert != null) {
            // Android offers 0 (never), 5 and 15 minutes, 1, 3 and 12 hours: the same choices as Preferences.
            int minutes = (int) Math.min(Integer.MAX_VALUE, (Math.max(0, alert) + 59) / 60);
            queue(
                    "setting connectionAlertSeconds",
                    s -> s.withConnectionAlert(s.connectionAlert().withAfterMinutes(minutes)));
        }
        List<String> none =
                WITHOUT_EQUIVALENT.stream().filter(k -> present(a, k)).toList();
        if (!none.isEmpty()) {
            report.note("Android settings without an ntfybar equivalent were not imported: " + String.join(", ", none)
                    + ".");
        }
    }

    private void readExtension(JsonNode ext) {
        JsonNode n = object(ext, "notifications");
        if (n != null) {
            Long catchUp = integral(n, "catch-up-summary");
            if (catchUp != null) {
                queue(
                        "setting catch-up-summary",
                        s -> s.withNotifications(new NotificationSettings(
                                s.notifications().mutedUntil(),
                                (int) Math.min(Integer.MAX_VALUE, catchUp),
                                s.notifications().insistent(),
                                s.notifications().sounds(),
                                s.notifications().autoDownload())));
            }
            Boolean insistent = bool(n, "insistent");
            if (insistent != null) {
                queue(
                        "setting insistent",
                        s -> s.withNotifications(s.notifications().withInsistent(insistent)));
            }
            JsonNode sounds = object(n, "sounds");
            if (sounds != null) {
                Map<Integer, String> map = new LinkedHashMap<>();
                sounds.properties()
                        .forEach(e ->
                                map.put(parsePriority(e.getKey()), e.getValue().asText()));
                queue(
                        "setting sounds",
                        s -> s.withNotifications(new NotificationSettings(
                                s.notifications().mutedUntil(),
                                s.notifications().catchUpSummary(),
                                s.notifications().insistent(),
                                map,
                                s.notifications().autoDownload())));
            }
        }
        JsonNode r = object(ext, "retention");
        Long keep = r == null ? null : integral(r, "keep-messages");
        if (keep != null) {
            int k = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, keep));
            queue(
                    "setting keep-messages",
                    s -> s.withRetention(new Retention(s.retention().keepDays(), k)));
        }
        JsonNode servers = object(ext, "servers");
        if (servers != null) {
            servers.properties().forEach(e -> server(e.getKey(), e.getValue()));
        }
    }

    /** A server's headers, auth-in-query and keepalive, when it has none of its own yet. */
    private void server(String key, JsonNode o) {
        String what = "options of server " + key;
        String url;
        try {
            url = ServerUrl.of(key).value();
        } catch (RuntimeException e) {
            report.skip(what, e.getMessage());
            return;
        }
        ServerSettings now = pending.preview(state.settings().get()).server(url);
        if (!now.headers().isEmpty() || now.authInQuery() || now.keepaliveSeconds() != null) {
            report.skip(what, "the server has its own options; ntfybar keeps them");
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = object(o, "headers");
        if (h != null) {
            h.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        }
        boolean inQuery = Boolean.TRUE.equals(bool(o, "auth-in-query"));
        Long keepalive = integral(o, "keepalive-seconds");
        queue(what, s -> {
            ServerSettings x = s.server(url);
            return s.withServer(
                    url,
                    new ServerSettings(
                            keepalive == null ? null : keepalive.intValue(),
                            headers,
                            x.username(),
                            x.token(),
                            inQuery,
                            x.caCertificate(),
                            x.clientCertificate()));
        });
    }

    private void queue(String what, UnaryOperator<Settings> change) {
        String refused = pending.add(state.settings().get(), what, change, () -> {}, () -> report.addSettings(1));
        if (refused != null) {
            report.skip(what, refused);
        }
    }

    private static NotificationSettings autoDownload(Settings s, String value) {
        NotificationSettings n = s.notifications();
        return new NotificationSettings(n.mutedUntil(), n.catchUpSummary(), n.insistent(), n.sounds(), value);
    }

    private static Integer parsePriority(String key) {
        try {
            return Integer.valueOf(key);
        } catch (NumberFormatException e) {
            return null; // refused by NotificationSettings with a sentence
        }
    }

    /** ntfybar's settings as the Android backup's {@code settings}; fields ntfybar has no value for are null. */
    static ObjectNode write(Settings s) {
        ObjectNode o = AndroidMessages.JSON.createObjectNode();
        o.put("minPriority", s.minPriority());
        o.put(
                "autoDownloadMaxSize",
                AndroidValues.autoDownloadToAndroid(s.notifications().autoDownload()));
        o.put("autoDeleteSeconds", AndroidValues.keepDaysToAndroid(s.retention().keepDays()));
        o.put("darkMode", AndroidValues.appearanceToAndroid(s.appearance()));
        o.put("defaultBaseUrl", AndroidValues.defaultServerToAndroid(s.defaultServer()));
        o.put("mutedUntil", AndroidValues.muteToAndroid(s.notifications().mutedUntil()));
        o.put("connectionAlertSeconds", s.connectionAlert().afterMinutes() * 60L);
        // Present but null: the Android app then keeps its own value of these on restore.
        for (String k : WITHOUT_EQUIVALENT) {
            o.putNull(k);
        }
        return o;
    }

    /** The extension: what ntfybar has and Android does not (no secrets, no local paths). */
    static ObjectNode writeExtension(Settings s) {
        ObjectNode o = AndroidMessages.JSON.createObjectNode();
        o.put("version", 1);
        ObjectNode n = o.putObject("notifications");
        n.put("catch-up-summary", s.notifications().catchUpSummary());
        n.put("insistent", s.notifications().insistent());
        ObjectNode sounds = n.putObject("sounds");
        s.notifications().sounds().forEach((p, v) -> sounds.put(Integer.toString(p), v));
        o.putObject("retention").put("keep-messages", s.retention().keepMessages());
        ObjectNode servers = o.putObject("servers");
        List<String> urls = new ArrayList<>(s.servers().keySet());
        for (String url : urls) {
            ServerSettings x = s.servers().get(url);
            if (x.headers().isEmpty() && !x.authInQuery() && x.keepaliveSeconds() == null) {
                continue;
            }
            ObjectNode so = servers.putObject(url);
            ObjectNode h = so.putObject("headers");
            x.headers().forEach(h::put);
            so.put("auth-in-query", x.authInQuery());
            if (x.keepaliveSeconds() != null) {
                so.put("keepalive-seconds", x.keepaliveSeconds());
            }
        }
        return o;
    }
}
