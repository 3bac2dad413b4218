package io.ntfybar.cli;

import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.settings.NtfyClientConfig;
import io.ntfybar.settings.SettingsException;
import io.ntfybar.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ntfybar subscribe [options] TOPIC [COMMAND...]}, a replacement for the official {@code ntfy subscribe}:
 * prints every message as one JSON line (ntfy's own field names), or runs COMMAND for each with the message in its
 * environment; in arrival order and once each. With {@code --from-config} it also subscribes to every entry of ntfy's
 * {@code client.yml}. Reconnects by itself and, with {@code --store}, resumes across restarts from the message store.
 */
@Command(
        name = "subscribe",
        aliases = {"sub"},
        mixinStandardHelpOptions = true,
        description = {
            "Print the messages of a topic as JSON lines on stdout, or run COMMAND for each, once each and in order.",
            "A bare topic is on the default server (https://ntfy.sh unless settings.yml says otherwise); a,b are two"
                    + " topics of one server."
        },
        footer = {
            "",
            "COMMAND runs once per message, one at a time in arrival order, through sh -c",
            "(cmd /c on Windows). The message is only in its environment, never in the",
            "command text, so nothing in a message can run:",
            "  $NTFY_ID        $id                   message id",
            "  $NTFY_TIME      $time                 unix time of the message",
            "  $NTFY_TOPIC     $topic                topic name",
            "  $NTFY_MESSAGE   $message, $m          message text",
            "  $NTFY_TITLE     $title, $t            title (empty when none)",
            "  $NTFY_PRIORITY  $priority, $prio, $p  priority, 1 (min) to 5 (max)",
            "  $NTFY_TAGS      $tags, $tag, $ta      tags, comma-separated",
            "  $NTFY_RAW       $raw                  the message as a JSON line",
            "Its output goes to ntfybar's; a failing command is reported on stderr and the",
            "subscription goes on. Its stdin is empty.",
            "",
            "--from-config reads ntfy's client.yml (-c FILE, else ~/.config/ntfy/client.yml,",
            "/etc/ntfy/client.yml for root): every 'subscribe:' entry, each with its own",
            "command (else default-command, else JSON lines), login (user and password, or",
            "token, else the default-* ones) and 'if:' filters (priority, tags, title,",
            "message, id). A TOPIC given as well is added.",
            "",
            "Examples:",
            "  ntfybar subscribe mytopic",
            "  ntfybar subscribe mytopic 'notify-send \"$t\" \"$m\"'",
            "  ntfybar subscribe -p --since=1h ntfy.example.com/alerts",
            "  ntfybar subscribe --priority high,max --tags=backup mytopic",
            "  ntfybar subscribe -u phil ntfy.example.com/backups,alerts ./on-message.sh",
            "  ntfybar subscribe --from-config",
            "  ntfybar subscribe --store -k tk_... https://ntfy.example.com/backups",
            "  ntfybar subscribe --notify ntfy.example.com/alerts,backups"
        })
public final class SubscribeCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "TOPIC",
            description = "a topic or topic URL; a,b for several topics of one server")
    String topic;

    @Parameters(
            index = "1..*",
            arity = "0..*",
            paramLabel = "COMMAND",
            parameterConsumer = CommandWords.class,
            description = "run this for every message instead of printing it; its words are joined with spaces")
    List<String> command = new ArrayList<>();

    @Option(
            names = {"-s", "--since"},
            paramLabel = "SINCE",
            description = "also cached messages: all, latest, a message id, a unix time or a duration (10m)")
    String since;

    @Option(
            names = {"-p", "--poll"},
            description = "cached messages only, then exit, instead of waiting for new ones")
    boolean poll;

    @Option(
            names = {"-S", "--scheduled", "--sched"},
            description = "also scheduled messages not delivered yet (with --poll)")
    boolean scheduled;

    @Option(
            names = {"-C", "--from-config"},
            description = "also subscribe to every 'subscribe:' entry of ntfy's client.yml")
    boolean fromConfig;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "ntfy's client.yml to read instead of the default one")
    Path config;

    @Option(
            names = {"-u", "--user"},
            paramLabel = "USER[:PASS]",
            description = "log in as this user; without :PASS the password is asked for")
    String user;

    @Option(
            names = {"-k", "--token"},
            paramLabel = "TOKEN",
            description = "log in with an access token (tk_...)")
    String token;

    @Option(
            names = {"-v", "--verbose"},
            description = "say on stderr which command runs for which message")
    boolean verbose;

    @Option(
            names = "--priority",
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
            description = "keep messages in ntfybar's CLI store: a restart resumes where it stopped and handles"
                    + " nothing twice")
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
        if (topic == null && !fromConfig) {
            err.println("ntfybar subscribe: give a TOPIC, or --from-config to subscribe to the topics of ntfy's"
                    + " client.yml (see ntfybar subscribe --help)");
            err.flush();
            return 2;
        }
        try {
            if (notify && poll) {
                throw new IllegalArgumentException("--notify waits for new messages; it cannot be used with --poll");
            }
            CliConfig cli = CliConfig.load(config);
            List<SubscribeTarget> targets = targets(cli);
            int code;
            try (Output output = new Output(spec.commandLine().getOut(), err, verbose)) {
                code = store || notify
                        ? new StoredSubscription(AppPaths.current(), cli.settings(), targets, poll, notify, output)
                                .run()
                        : new DirectSubscription(targets, cli.settings(), poll, output).run();
                if (code != 130) {
                    output.finish();
                }
            }
            return code;
        } catch (ProtocolException
                | SettingsException
                | StoreException
                | IllegalArgumentException
                | IllegalStateException e) {
            err.println("ntfybar subscribe: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private List<SubscribeTarget> targets(CliConfig cli) {
        SubscribeQuery query = query();
        // -u/-k: one login for every server, its password asked for once; else each server's own, looked up once.
        Function<ServerUrl, Login> login;
        if (user != null || token != null) {
            Login flags = Login.of(cli.auth(cli.defaultServer(), user, token).orElse(null));
            login = server -> flags;
        } else {
            Map<ServerUrl, Login> found = new HashMap<>();
            login = server -> found.computeIfAbsent(
                    server, k -> Login.of(cli.auth(k, null, null).orElse(null)));
        }
        List<SubscribeTarget> targets = new ArrayList<>();
        if (fromConfig) {
            Path file = config != null ? config : NtfyClientConfig.defaultPath();
            NtfyClientConfig client = config != null ? cli.client() : NtfyClientConfig.load(file, true);
            if (client.subscribe().isEmpty() && topic == null) {
                throw new IllegalArgumentException("the ntfy client config " + file
                        + " has no 'subscribe:' entries; add some (see ntfybar subscribe --help) or give a TOPIC");
            }
            targets.addAll(SubscribeTargets.fromClientConfig(client, file, cli.defaultServer(), login, query));
        }
        if (topic != null) {
            String cmd = command.isEmpty() ? null : String.join(" ", command);
            for (TopicUrl url : SubscribeTargets.topics(topic, cli::topic)) {
                targets.add(new SubscribeTarget(url, login.apply(url.server()), query, cmd));
            }
        }
        return targets;
    }

    private SubscribeQuery query() {
        String where = "--priority";
        return SubscribeQuery.live()
                .withSince(since)
                .withPoll(poll)
                .withScheduled(scheduled)
                .withId(id)
                .withMessage(message)
                .withTitle(title)
                .withPriorities(SubscribeTargets.priorities(String.join(",", priorities), where))
                .withTags(tags);
    }

    /** Takes every argument from the first word of COMMAND on, options included: they belong to the command. */
    static final class CommandWords implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(
                Stack<String> args, CommandLine.Model.ArgSpec argSpec, CommandLine.Model.CommandSpec commandSpec) {
            List<String> words = argSpec.getValue();
            while (!args.isEmpty()) {
                words.add(args.pop());
            }
        }
    }
}
