package io.ntfybar.cli;

import io.ntfybar.model.Priority;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.settings.Settings;
import io.ntfybar.settings.SettingsException;
import io.ntfybar.settings.SettingsFile;
import io.ntfybar.store.StoreException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ntfybar subscribe}: prints every message of one or more topics as one JSON line each (ntfy's own field
 * names), in arrival order and once, like the official {@code ntfy subscribe}; reconnects by itself and, with
 * {@code --store}, resumes across restarts from the message store.
 */
@Command(
        name = "subscribe",
        aliases = {"sub"},
        mixinStandardHelpOptions = true,
        description = {
            "Print the messages of one or more topics as JSON lines, to stdout, once each.",
            "A bare topic is on the default server (https://ntfy.sh unless settings.yml says otherwise)."
        },
        footer = {
            "",
            "Examples:",
            "  ntfybar subscribe mytopic",
            "  ntfybar subscribe --poll --since=1h ntfy.example.com/alerts",
            "  ntfybar subscribe --store -u phil:secret https://ntfy.example.com/backups",
            "  ntfybar subscribe --notify alerts ntfy.example.com/backups"
        })
public final class SubscribeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TOPIC", description = "a topic name or a topic URL")
    List<String> topics = new ArrayList<>();

    @Option(
            names = "--since",
            paramLabel = "SINCE",
            description = "also print cached messages: all, latest, a message id, a unix time or a duration (10m)")
    String since;

    @Option(names = "--poll", description = "print cached messages and exit instead of waiting for new ones")
    boolean poll;

    @Option(names = "--scheduled", description = "also print scheduled messages not delivered yet (with --poll)")
    boolean scheduled;

    @Option(
            names = {"-u", "--user"},
            paramLabel = "USER:PASS",
            description = "log in with a user name and password")
    String user;

    @Option(names = "--token", paramLabel = "TOKEN", description = "log in with an access token (tk_...)")
    String token;

    @Option(
            names = {"-p", "--priority"},
            split = ",",
            paramLabel = "P",
            description = "only these priorities (1-5 or min, low, default, high, max)")
    List<String> priorities = new ArrayList<>();

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "only messages with all these tags")
    List<String> tags = new ArrayList<>();

    @Option(names = "--title", description = "only messages with exactly this title")
    String title;

    @Option(
            names = {"-m", "--message"},
            description = "only messages with exactly this text")
    String message;

    @Option(names = "--id", description = "only the message with this id")
    String id;

    @Option(
            names = "--store",
            description = "keep messages in ntfybar's CLI store: a restart resumes where it stopped and prints nothing"
                    + " twice")
    boolean store;

    @Option(
            names = "--notify",
            description = "also show every new message as a desktop notification, with its buttons working"
                    + " (implies --store)")
    boolean notify;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            AppPaths paths = AppPaths.current();
            Settings settings = new SettingsFile(paths.config()).load();
            Map<ServerUrl, List<String>> byServer = topicsByServer(ServerUrl.of(settings.defaultServer()));
            AuthorizationHeader auth = authorization();
            SubscribeQuery query = query();
            Output output = new Output(spec.commandLine().getOut(), err);
            if (notify && poll) {
                throw new IllegalArgumentException("--notify waits for new messages; it cannot be used with --poll");
            }
            if (store || notify) {
                return new StoredSubscription(paths, settings, byServer, user, token, auth, query, poll, notify, output)
                        .run();
            }
            return new DirectSubscription(byServer, auth, query, poll, output).run();
        } catch (ProtocolException | SettingsException | StoreException | IllegalArgumentException e) {
            err.println("ntfybar subscribe: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private Map<ServerUrl, List<String>> topicsByServer(ServerUrl defaultServer) {
        Map<ServerUrl, List<String>> byServer = new LinkedHashMap<>();
        for (String t : topics) {
            TopicUrl url = TopicUrl.parse(t, defaultServer);
            List<String> list = byServer.computeIfAbsent(url.server(), k -> new ArrayList<>());
            if (!list.contains(url.topic())) {
                list.add(url.topic());
            }
        }
        if ((user != null || token != null) && byServer.size() > 1) {
            throw new IllegalArgumentException(
                    "-u and --token apply to one server; these topics are on " + byServer.size() + " servers");
        }
        return byServer;
    }

    private AuthorizationHeader authorization() {
        if (user != null && token != null) {
            throw new IllegalArgumentException("use either -u or --token, not both");
        }
        if (token != null) {
            return AuthorizationHeader.bearer(token);
        }
        if (user != null) {
            int colon = user.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("-u needs user:password");
            }
            return AuthorizationHeader.basic(user.substring(0, colon), user.substring(colon + 1));
        }
        return null;
    }

    private SubscribeQuery query() {
        List<Priority> levels = new ArrayList<>();
        for (String p : priorities) {
            levels.add(Priority.parse(p.strip())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "priority '" + p + "' is not valid; use 1 to 5, min, low, default, high or max")));
        }
        return SubscribeQuery.live()
                .withSince(since)
                .withPoll(poll)
                .withScheduled(scheduled)
                .withId(id)
                .withMessage(message)
                .withTitle(title)
                .withPriorities(levels)
                .withTags(tags);
    }
}
