package io.ntfybar.cli;

import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Message;
import io.ntfybar.model.PublishRequest;
import io.ntfybar.net.ServerClients;
import io.ntfybar.notify.Notifier;
import io.ntfybar.notify.Notifiers;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.publish.Publisher;
import io.ntfybar.render.Renderer;
import io.ntfybar.settings.SettingsException;
import io.ntfybar.subscribe.HttpClients;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Sends what {@code publish}, {@code done} and the shell integration made: to the server, or with {@code --local} as
 * a desktop notification through ntfybar's own notifier. Prints the message id (or the server's JSON), and turns every
 * failure into one sentence on stderr and exit code 1.
 */
final class Delivery {
    static final int OK = 0;
    static final int FAILED = 1;

    private Delivery() {}

    /**
     * @param topicOrUrl the topic or topic URL; null for settings.yml's {@code cli.topic}
     * @param message the text; null or empty makes the server send {@code triggered}
     * @param typedByUser the text and title were typed on the command line: emoji shortcodes apply
     * @param extraTags tags the command adds after the user's own (done's success or failure tag)
     * @return the exit code
     */
    static int publish(
            CommandSpec spec,
            PublishOptions o,
            String topicOrUrl,
            String message,
            boolean typedByUser,
            List<String> extraTags) {
        return send(spec, o, topicOrUrl, message, typedByUser, extraTags, null);
    }

    /**
     * Publishes {@code body} unchanged as the request body, with the options as headers; the server keeps it as an
     * attachment (named by {@code --filename}, else by the server from its content, such as {@code attachment.bin}).
     *
     * @return the exit code
     */
    static int publishBody(CommandSpec spec, PublishOptions o, String topicOrUrl, InputStream body) {
        return send(spec, o, topicOrUrl, null, false, List.of(), body);
    }

    /** {@code body}: null to publish {@code message}, else the bytes to upload as they are. */
    private static int send(
            CommandSpec spec,
            PublishOptions o,
            String topicOrUrl,
            String message,
            boolean typedByUser,
            List<String> extraTags,
            InputStream body) {
        PrintWriter err = spec.commandLine().getErr();
        String prefix = spec.qualifiedName() + ": ";
        try {
            CliConfig config = CliConfig.load(o.config);
            String defaultTitle = config.defaultTitle().orElse(null);
            if (o.local) {
                if (body != null) {
                    throw new IllegalArgumentException("--local shows text only, and standard input is not UTF-8 text"
                            + " of at most " + PipedInput.BUFFERED / 1024 + " KiB");
                }
                String topic =
                        topicOrUrl != null ? topicOrUrl : config.defaultTopic().orElse("ntfybar");
                TopicUrl url = config.topic(topic);
                return showLocally(spec, o.request(url.topic(), message, typedByUser, extraTags, defaultTitle), url);
            }
            String topic = topicOrUrl != null
                    ? topicOrUrl
                    : config.defaultTopic()
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "no topic given; name one, or set a default in settings.yml (cli: topic: ...)"));
            TopicUrl url = config.topic(topic);
            PublishRequest r = o.request(url.topic(), message, typedByUser, extraTags, defaultTitle);
            if (o.file != null && o.attach != null) {
                throw new IllegalArgumentException("use either --file (upload) or --attach (a URL), not both");
            }
            Optional<AuthorizationHeader> auth = config.auth(url.server(), o.user, o.token);
            Publisher publisher = new Publisher(client(config, url.server()));
            Message sent;
            if (body != null) {
                sent = publisher.upload(url.server(), auth, r, body, null);
            } else if (o.file == null) {
                sent = publisher.publishText(url.server(), auth, r);
            } else if (o.file.equals("-")) {
                sent = publisher.upload(url.server(), auth, r, NtfybarCommand.stdin(spec), "stdin");
            } else {
                sent = publisher.upload(url.server(), auth, r, Path.of(o.file));
            }
            if (!o.quiet) {
                PrintWriter out = spec.commandLine().getOut();
                out.println(o.json ? MessageCodec.encode(sent) : sent.id());
                out.flush();
            }
            return OK;
        } catch (Publisher.PublishException e) {
            return fail(err, prefix + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | ProtocolException | SettingsException e) {
            return fail(err, prefix + e.getMessage());
        }
    }

    private static int fail(PrintWriter err, String sentence) {
        err.println(sentence);
        err.flush();
        return FAILED;
    }

    /**
     * The HTTP client for {@code server}: TLS verified, with the server's own CA, client certificate and headers from
     * settings.yml (the certificate's password from the keychain). @throws io.ntfybar.net.TrustException
     */
    private static okhttp3.OkHttpClient client(CliConfig config, ServerUrl server) {
        okhttp3.OkHttpClient requests = HttpClients.requests(HttpClients.streaming());
        return new ServerClients(requests, Keychains.lazy(Keychains::detect))
                .forServer(server.value(), config.settings().server(server.value()));
    }

    /**
     * {@code --local}: the message as the app would show it, on this computer's notifier. Click URL and action
     * buttons are left out, since this process ends at once and could not answer them.
     */
    private static int showLocally(CommandSpec spec, PublishRequest r, TopicUrl url) {
        Message m = new Message(
                "local-" + Long.toHexString(System.nanoTime()),
                System.currentTimeMillis() / 1000,
                null,
                "message",
                r.topic(),
                r.title(),
                r.message() == null || r.message().isEmpty() ? "triggered" : r.message(),
                r.priority() == null ? 0 : r.priority().level(),
                r.tags(),
                null,
                null,
                List.of(),
                null,
                null,
                r.markdown() ? Message.MARKDOWN : null,
                null,
                null);
        try (Notifier notifier = Notifiers.choose(System.err)) {
            if (!notifier.availability().usable()) {
                return fail(
                        spec.commandLine().getErr(),
                        spec.qualifiedName() + ": cannot show a notification here: "
                                + notifier.availability().reason());
            }
            notifier.show(new Renderer(new MessageDisplay(url.server())).render(m, url.server(), null));
        }
        return OK;
    }
}
