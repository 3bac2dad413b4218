package io.ntfybar.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings file shared by the app and the CLI ({@code settings.yml} in the platform config folder): what a person
 * may also edit by hand. Subscriptions and their own options live in the message store with the subscription (one
 * source of truth; docs/decisions/0006). No secret is ever part of this record. Immutable.
 *
 * @param defaultServer the server a bare topic means; {@code https://ntfy.sh} unless set
 * @param minPriority notifications below this priority are stored, not shown (1 shows everything)
 * @param servers per-server options keyed by base URL
 * @param retention how long history is kept, unless a subscription sets its own
 * @param notifications pause, catch-up summary, insistent alerts, sounds per priority, attachment auto-download
 * @param appearance the windows' theme: {@code system} (follow the system's light or dark setting; the default),
 *     {@code light} or {@code dark}
 * @param launchAtLogin start the app when the user logs in (absent: off)
 * @param cli the command line's defaults: the topic {@code done} and the shell integration publish to, their title
 * @param connectionAlert a notification when a server stays unreachable (absent: never)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Settings(
        @JsonProperty("default-server") String defaultServer,
        @JsonProperty("min-priority") int minPriority,
        @JsonProperty("servers") Map<String, ServerSettings> servers,
        @JsonProperty("retention") Retention retention,
        @JsonProperty("notifications") NotificationSettings notifications,
        @JsonProperty("appearance") String appearance,
        @JsonProperty("launch-at-login") Boolean launchAtLogin,
        @JsonProperty("cli") CliSettings cli,
        @JsonProperty("connection-alert") ConnectionAlertSettings connectionAlert) {

    public static final String NTFY_SH = "https://ntfy.sh";
    public static final String APPEARANCE_SYSTEM = "system";
    private static final java.util.Set<String> APPEARANCES = java.util.Set.of(APPEARANCE_SYSTEM, "light", "dark");

    public Settings {
        defaultServer = defaultServer == null || defaultServer.isBlank() ? NTFY_SH : stripSlash(defaultServer.trim());
        if (minPriority == 0) {
            minPriority = 1;
        }
        if (minPriority < 1 || minPriority > 5) {
            throw new IllegalArgumentException("min-priority must be 1 to 5, not " + minPriority);
        }
        Map<String, ServerSettings> copy = new LinkedHashMap<>();
        if (servers != null) {
            servers.forEach((url, s) -> copy.put(stripSlash(url), s == null ? ServerSettings.defaults() : s));
        }
        servers = java.util.Collections.unmodifiableMap(copy);
        retention = retention == null ? Retention.defaults() : retention;
        notifications = notifications == null ? NotificationSettings.defaults() : notifications;
        appearance = appearance == null || appearance.isBlank()
                ? APPEARANCE_SYSTEM
                : appearance.strip().toLowerCase(java.util.Locale.ROOT);
        if (!APPEARANCES.contains(appearance)) {
            throw new IllegalArgumentException("appearance must be system, light or dark, not " + appearance);
        }
        launchAtLogin = launchAtLogin != null && launchAtLogin;
        cli = cli == null ? CliSettings.NONE : cli;
        connectionAlert = connectionAlert == null ? ConnectionAlertSettings.NEVER : connectionAlert;
    }

    public static Settings defaults() {
        return new Settings(
                NTFY_SH,
                1,
                Map.of(),
                Retention.defaults(),
                NotificationSettings.defaults(),
                APPEARANCE_SYSTEM,
                false,
                CliSettings.NONE,
                ConnectionAlertSettings.NEVER);
    }

    public Settings withRetention(Retention r) {
        return new Settings(
                defaultServer, minPriority, servers, r, notifications, appearance, launchAtLogin, cli, connectionAlert);
    }

    public Settings withNotifications(NotificationSettings n) {
        return new Settings(
                defaultServer, minPriority, servers, retention, n, appearance, launchAtLogin, cli, connectionAlert);
    }

    /** The options for {@code baseUrl}, or the defaults when none are set. */
    public ServerSettings server(String baseUrl) {
        return servers.getOrDefault(stripSlash(baseUrl), ServerSettings.defaults());
    }

    public Settings withServer(String baseUrl, ServerSettings s) {
        Map<String, ServerSettings> copy = new LinkedHashMap<>(servers);
        copy.put(stripSlash(baseUrl), s);
        return new Settings(
                defaultServer,
                minPriority,
                copy,
                retention,
                notifications,
                appearance,
                launchAtLogin,
                cli,
                connectionAlert);
    }

    public Settings withDefaultServer(String url) {
        return new Settings(
                url, minPriority, servers, retention, notifications, appearance, launchAtLogin, cli, connectionAlert);
    }

    public Settings withMinPriority(int p) {
        return new Settings(
                defaultServer, p, servers, retention, notifications, appearance, launchAtLogin, cli, connectionAlert);
    }

    public Settings withAppearance(String a) {
        return new Settings(
                defaultServer, minPriority, servers, retention, notifications, a, launchAtLogin, cli, connectionAlert);
    }

    public Settings withCli(CliSettings c) {
        return new Settings(
                defaultServer,
                minPriority,
                servers,
                retention,
                notifications,
                appearance,
                launchAtLogin,
                c,
                connectionAlert);
    }

    public Settings withLaunchAtLogin(boolean on) {
        return new Settings(
                defaultServer, minPriority, servers, retention, notifications, appearance, on, cli, connectionAlert);
    }

    public Settings withConnectionAlert(ConnectionAlertSettings a) {
        return new Settings(
                defaultServer, minPriority, servers, retention, notifications, appearance, launchAtLogin, cli, a);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
