package io.ntfybar.backup;

import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.settings.NtfyClientConfig;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Subscriptions and logins from ntfy's own {@code client.yml}: each {@code subscribe:} entry becomes a subscription
 * (a bare topic is on {@code default-host}, else on ntfybar's default server), with the entry's
 * {@code user}/{@code password} or {@code token}, else {@code default-user}/{@code default-password} or
 * {@code default-token} when the topic is on the default host (ntfy's own rule: the default login never goes to
 * another server). {@code command} and {@code if} are for ntfy's CLI; the app reports them as not imported. Merge
 * rules as for an Android backup: an existing subscription and an existing login are kept. One thread.
 */
final class ClientConfigImporter {
    static final String SOURCE = "ntfy's client.yml";

    private final LocalState state;

    ClientConfigImporter(LocalState state) {
        this.state = state;
    }

    ImportReport run(NtfyClientConfig config) {
        ImportReport report = new ImportReport(SOURCE);
        PendingSettings pending = new PendingSettings();
        CredentialImport credentials = new CredentialImport(state, pending, report);
        ServerUrl defaultHost;
        try {
            defaultHost = config.host().map(ServerUrl::of).orElse(null);
        } catch (RuntimeException e) {
            report.skip("default-host " + config.defaultHost(), e.getMessage());
            defaultHost = null;
        }
        ServerUrl bareTopics = defaultHost != null
                ? defaultHost
                : ServerUrl.of(state.settings().get().defaultServer());
        ServerUrl loginHost = defaultHost != null ? defaultHost : ServerUrl.NTFY_SH;
        if (config.defaultCommand() != null) {
            report.skip("default-command", "the app shows notifications and runs no command for a message");
        }
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (NtfyClientConfig.Subscribe e : config.subscribe()) {
            i++;
            String what = "subscribe entry " + i + (e.topic() == null ? "" : " (" + e.topic() + ")");
            if (e.topic() == null) {
                report.skip(what, "it has no topic");
                continue;
            }
            TopicUrl url;
            try {
                url = topic(e.topic(), bareTopics);
            } catch (RuntimeException ex) {
                report.skip(what, ex.getMessage());
                continue;
            }
            what = "subscription " + url.shortUrl();
            if (!seen.add(url.toString())) {
                report.skip(what, "it appears twice in the file; the first one was imported");
                continue;
            }
            login(what, e, url.server(), loginHost, config, credentials);
            if (e.command() != null) {
                report.skip(
                        "command of " + url.shortUrl(),
                        "the app shows notifications and runs no command for a message (ntfy's CLI does)");
            }
            if (!e.ifFilters().isEmpty()) {
                report.skip(
                        "filter " + filters(e.ifFilters()) + " of " + url.shortUrl(),
                        "the app keeps every message of a subscription; set a minimum priority in its settings"
                                + " to be notified of fewer");
            }
            subscribe(what, url, report);
        }
        pending.commit(state, report);
        return report;
    }

    private void subscribe(String what, TopicUrl url, ImportReport report) {
        if (state.subscriptions().find(url.server().value(), url.topic()).isPresent()) {
            report.skip(what, "already subscribed; it keeps its own settings");
            return;
        }
        try {
            state.subscriptions().add(Subscription.of(url.server().value(), url.topic()));
            report.addSubscription();
        } catch (RuntimeException e) {
            report.skip(what, e.getMessage());
        }
    }

    private static void login(
            String what,
            NtfyClientConfig.Subscribe e,
            ServerUrl server,
            ServerUrl loginHost,
            NtfyClientConfig config,
            CredentialImport credentials) {
        String user = e.user();
        String password = e.password();
        String token = e.token();
        if (user == null && token == null && server.equals(loginHost)) {
            user = config.defaultUser();
            password = config.defaultPassword();
            token = config.defaultToken();
        }
        if (token != null) {
            credentials.login("token of " + what, server, null, token);
        } else if (user != null) {
            int colon = user.indexOf(':');
            if (password == null && colon > 0) {
                password = user.substring(colon + 1);
                user = user.substring(0, colon);
            }
            credentials.login("login " + user + "@" + server.shortForm(), server, user, password);
        }
    }

    /** A bare topic on {@code bare}; {@code host/topic} or a URL as it says; {@code a/b} is refused, as the CLI does. */
    private static TopicUrl topic(String s, ServerUrl bare) {
        String t = s.strip();
        int slash = t.indexOf('/');
        if (slash > 0 && !t.contains("://")) {
            String host = t.substring(0, slash);
            if (!host.contains(".") && !host.contains(":") && !host.equalsIgnoreCase("localhost")) {
                throw new IllegalArgumentException("\"" + t + "\" is not a topic: a topic name cannot contain '/'");
            }
        }
        return TopicUrl.parse(t, bare);
    }

    private static String filters(Map<String, String> f) {
        StringBuilder sb = new StringBuilder();
        f.forEach((k, v) ->
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return sb.toString();
    }
}
