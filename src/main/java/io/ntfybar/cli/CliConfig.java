package io.ntfybar.cli;

import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.InputSnippet;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.settings.NtfyClientConfig;
import io.ntfybar.settings.Settings;
import io.ntfybar.settings.SettingsFile;
import io.ntfybar.subscribe.Logins;
import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the command line knows before it talks to a server: ntfybar's {@code settings.yml} (shared with the app) and
 * ntfy's own {@code client.yml}, so that people coming from the official {@code ntfy} command keep their defaults.
 *
 * <p>The default server is settings.yml's {@code default-server} when it names one, else client.yml's
 * {@code default-host}, else ntfy.sh. A login is looked for in this order: the command's {@code -u}/{@code -k} flags,
 * the environment ({@code NTFY_TOKEN}, {@code NTFY_USER} with {@code NTFY_PASSWORD}), client.yml's default login (only
 * for client.yml's default host, so that it is never sent to another server), and the keychain entry that settings.yml
 * names for that server (the app's login). Immutable, apart from the keychain that is opened on first need.
 */
final class CliConfig {
    private final Settings settings;
    private final NtfyClientConfig client;
    private final Map<String, String> env;
    private final Supplier<Keychain> keychain;
    private Keychain openedKeychain;

    CliConfig(Settings settings, NtfyClientConfig client, Map<String, String> env, Supplier<Keychain> keychain) {
        this.settings = settings;
        this.client = client;
        this.env = env;
        this.keychain = keychain;
    }

    /**
     * Reads settings.yml from the platform's config folder and client.yml from {@code clientConfigFlag} (which must
     * then exist) or from ntfy's default place (read when it exists).
     *
     * @throws io.ntfybar.settings.SettingsException with a sentence when either file cannot be used
     */
    static CliConfig load(Path clientConfigFlag) {
        Settings settings = new SettingsFile(AppPaths.current().config()).load();
        NtfyClientConfig client = clientConfigFlag != null
                ? NtfyClientConfig.load(clientConfigFlag, true)
                : NtfyClientConfig.load(NtfyClientConfig.defaultPath(), false);
        return new CliConfig(settings, client, System.getenv(), Keychains::detect);
    }

    Settings settings() {
        return settings;
    }

    NtfyClientConfig client() {
        return client;
    }

    ServerUrl defaultServer() {
        if (!Settings.NTFY_SH.equals(settings.defaultServer())) {
            return ServerUrl.of(settings.defaultServer());
        }
        return client.host().map(ServerUrl::of).orElse(ServerUrl.NTFY_SH);
    }

    /** A topic name on the default server, or a topic URL. @throws io.ntfybar.protocol.ProtocolException */
    TopicUrl topic(String topicOrUrl) {
        String s = topicOrUrl == null ? "" : topicOrUrl.strip();
        int slash = s.indexOf('/');
        if (slash > 0 && !s.contains("://")) {
            String host = s.substring(0, slash);
            if (!host.contains(".") && !host.contains(":") && !host.equalsIgnoreCase("localhost")) {
                throw new ProtocolException(InputSnippet.quote(s) + " is not a topic: a topic name cannot contain '/'."
                        + " For a topic on another server give its address, e.g. ntfy.example.com/"
                        + s.substring(s.lastIndexOf('/') + 1));
            }
        }
        return TopicUrl.parse(s, defaultServer());
    }

    /** settings.yml {@code cli.topic}: where {@code done} and the shell integration publish. */
    Optional<String> defaultTopic() {
        return Optional.ofNullable(settings.cli().topic());
    }

    /**
     * The topic {@code done} and the shell integration publish to, checked before anything runs: {@code flag}, else
     * settings.yml's {@code cli.topic}.
     *
     * @throws IllegalArgumentException saying how to set one when there is none
     * @throws io.ntfybar.protocol.ProtocolException when it is not a valid topic
     */
    TopicUrl publishTopic(String flag) {
        String t = flag != null ? flag : defaultTopic().orElse(null);
        if (t == null) {
            throw new IllegalArgumentException("no topic to publish to: give --topic TOPIC, or set a default topic in "
                    + AppPaths.current().config().resolve(SettingsFile.NAME)
                    + " (cli: {topic: mytopic}), or use --local for notifications on this computer");
        }
        return topic(t);
    }

    /** settings.yml {@code cli.title}. */
    Optional<String> defaultTitle() {
        return Optional.ofNullable(settings.cli().title());
    }

    /**
     * The login for {@code server}; empty for anonymous access.
     *
     * @param userFlag {@code -u}: {@code user:password}, or {@code user} alone to be asked for the password
     * @param tokenFlag {@code -k}: an access token
     * @throws IllegalArgumentException with a sentence when the flags cannot be used
     */
    Optional<AuthorizationHeader> auth(ServerUrl server, String userFlag, String tokenFlag) {
        if (userFlag != null && tokenFlag != null) {
            throw new IllegalArgumentException("use either -u or -k (--token), not both");
        }
        if (tokenFlag != null) {
            return Optional.of(bearer(tokenFlag, "-k"));
        }
        if (userFlag != null) {
            return Optional.of(basic(userFlag, null, "-u"));
        }
        String envToken = env.get("NTFY_TOKEN");
        if (envToken != null && !envToken.isBlank()) {
            return Optional.of(bearer(envToken, "NTFY_TOKEN"));
        }
        String envUser = env.get("NTFY_USER");
        if (envUser != null && !envUser.isBlank()) {
            return Optional.of(basic(envUser, env.get("NTFY_PASSWORD"), "NTFY_USER"));
        }
        if (server.equals(client.host().map(ServerUrl::of).orElse(ServerUrl.NTFY_SH))) {
            if (client.defaultToken() != null) {
                return Optional.of(bearer(client.defaultToken(), "client.yml default-token"));
            }
            if (client.defaultUser() != null) {
                return Optional.of(basic(client.defaultUser(), client.defaultPassword(), "client.yml default-user"));
            }
        }
        if (settings.servers().containsKey(server.value())) {
            return Logins.forServer(keychain(), server.value(), settings.server(server.value()));
        }
        return Optional.empty();
    }

    private synchronized Keychain keychain() {
        if (openedKeychain == null) {
            openedKeychain = keychain.get();
        }
        return openedKeychain;
    }

    private static AuthorizationHeader bearer(String token, String from) {
        if (token.isBlank()) {
            throw new IllegalArgumentException(from + " is empty; give an access token (tk_...)");
        }
        return AuthorizationHeader.bearer(token.strip());
    }

    /** {@code user:password}, {@code user} with a separate password, or {@code user} alone: asked on the console. */
    private static AuthorizationHeader basic(String user, String password, String from) {
        int colon = user.indexOf(':');
        String name = colon < 0 ? user : user.substring(0, colon);
        String pass = colon < 0 ? password : user.substring(colon + 1);
        if (name.isBlank()) {
            throw new IllegalArgumentException(from + " needs a user name: user:password");
        }
        if (pass == null) {
            pass = askPassword(name, from);
        }
        return AuthorizationHeader.basic(name, pass);
    }

    private static String askPassword(String user, String from) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException(from + " gives no password and there is no terminal to ask for it; use "
                    + user + ":PASSWORD, or NTFY_USER with NTFY_PASSWORD");
        }
        char[] p = console.readPassword("Password for %s: ", user);
        if (p == null) {
            throw new IllegalArgumentException("no password given for " + user);
        }
        return new String(p);
    }
}
