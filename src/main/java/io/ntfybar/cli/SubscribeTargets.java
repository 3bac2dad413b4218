package io.ntfybar.cli;

import io.ntfybar.model.Priority;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.settings.NtfyClientConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code subscribe} listens to, built from its TOPIC argument and from the {@code subscribe:} entries of ntfy's
 * {@code client.yml}, with ntfy's rules for defaults. Stateless.
 */
final class SubscribeTargets {
    private SubscribeTargets() {}

    /**
     * The topics of a TOPIC argument: a topic or topic URL, where the last part may list several topics of that
     * server separated by commas ({@code alerts,backups}, {@code ntfy.example.com/a,b}), as ntfy's URLs do.
     *
     * @throws ProtocolException when a topic is not valid
     */
    static List<TopicUrl> topics(String arg, Function<String, TopicUrl> parse) {
        String s = arg.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.lastIndexOf('/');
        String prefix = s.substring(0, slash + 1);
        List<TopicUrl> out = new ArrayList<>();
        for (String name : s.substring(slash + 1).split(",", -1)) {
            TopicUrl url = parse.apply(prefix + name.strip());
            if (!out.contains(url)) {
                out.add(url);
            }
        }
        return out;
    }

    /**
     * One target per {@code subscribe:} entry of {@code config}: its topic (a bare one on the file's
     * {@code default-host}, else on {@code fallbackServer}), its {@code command} (else {@code default-command}, else
     * none: JSON lines), its login (its own {@code token} or {@code user}/{@code password}, else what
     * {@code fallbackLogin} finds for its server: the command line's flags, the environment, the file's default login
     * for its default host, the keychain) and {@code base} with its {@code if:} filters.
     *
     * @throws IllegalArgumentException with a sentence naming the file and entry when an entry is not valid
     */
    static List<SubscribeTarget> fromClientConfig(
            NtfyClientConfig config,
            Path file,
            ServerUrl fallbackServer,
            Function<ServerUrl, Login> fallbackLogin,
            SubscribeQuery base) {
        ServerUrl host = fallbackServer;
        if (config.defaultHost() != null) {
            try {
                host = ServerUrl.of(config.defaultHost());
            } catch (ProtocolException e) {
                throw new IllegalArgumentException(
                        "the ntfy client config " + file + " has a default-host that is not valid: " + e.getMessage());
            }
        }
        ServerUrl defaultHost = host;
        List<SubscribeTarget> out = new ArrayList<>();
        List<NtfyClientConfig.Subscribe> entries = config.subscribe();
        for (int i = 0; i < entries.size(); i++) {
            NtfyClientConfig.Subscribe e = entries.get(i);
            String where = "the ntfy client config " + file + ", subscribe entry " + (i + 1) + " (" + e.topic() + ")";
            String command = e.command() != null ? e.command() : config.defaultCommand();
            try {
                SubscribeQuery query = withFilters(base, e.ifFilters(), where);
                for (TopicUrl topic : topics(e.topic(), s -> TopicUrl.parse(s, defaultHost))) {
                    Login login = e.token() != null
                            ? Login.token(e.token())
                            : e.user() != null
                                    ? Login.user(e.user(), e.password())
                                    : fallbackLogin.apply(topic.server());
                    out.add(new SubscribeTarget(topic, login, query, command));
                }
            } catch (ProtocolException ex) {
                throw new IllegalArgumentException(where + ": " + ex.getMessage());
            }
        }
        return out;
    }

    /**
     * {@code query} with ntfy's {@code if:} filters set (each replaces the same filter of {@code query}), named as
     * ntfy's server names its filter parameters: {@code id}; {@code message}, {@code msg}, {@code m};
     * {@code title}, {@code t}; {@code priority}, {@code prio}, {@code p} (a comma list of 1-5 or names, e.g.
     * {@code high,urgent}); {@code tags}, {@code tag}, {@code ta} (a comma list, all must match).
     *
     * @throws IllegalArgumentException for an unknown filter or priority, starting with {@code where}
     */
    static SubscribeQuery withFilters(SubscribeQuery query, Map<String, String> filters, String where) {
        SubscribeQuery q = query;
        for (Map.Entry<String, String> f : filters.entrySet()) {
            String value = f.getValue() == null ? "" : f.getValue().strip();
            switch (f.getKey().strip().toLowerCase(Locale.ROOT)) {
                case "id" -> q = q.withId(value);
                case "message", "msg", "m" -> q = q.withMessage(value);
                case "title", "t" -> q = q.withTitle(value);
                case "priority", "prio", "p" -> q = q.withPriorities(priorities(value, where));
                case "tags", "tag", "ta" -> q = q.withTags(list(value));
                default -> throw new IllegalArgumentException(where + " has the filter '" + f.getKey()
                        + "', which ntfy does not know; use id, message, title, priority or tags");
            }
        }
        return q;
    }

    /** A comma list of priorities, each 1-5 or a name ({@code urgent} is {@code max}, as in ntfy). */
    static List<Priority> priorities(String commaList, String where) {
        List<Priority> out = new ArrayList<>();
        for (String p : list(commaList)) {
            out.add(Priority.parse(p)
                    .orElseThrow(() -> new IllegalArgumentException(where + ": the priority '" + p
                            + "' is not valid; use 1 to 5, min, low, default, high, max or urgent")));
        }
        return out;
    }

    private static List<String> list(String commaList) {
        return Arrays.stream(commaList.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
