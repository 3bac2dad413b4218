package io.ntfybar.cli;

import io.ntfybar.model.Priority;
import io.ntfybar.model.PublishRequest;
import io.ntfybar.protocol.ActionSyntax;
import io.ntfybar.protocol.EmojiShortcodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Every option of a published message, named as the official {@code ntfy publish} names them (long names and the
 * short aliases), shared by {@code publish}, {@code done} and the shell integration as a picocli mixin.
 */
final class PublishOptions {
    @Option(
            names = {"-t", "--title"},
            paramLabel = "TITLE",
            description = "message title")
    String title;

    @Option(
            names = {"-m", "--message"},
            paramLabel = "TEXT",
            description = "message text (instead of the MESSAGE words)")
    String message;

    @Option(
            names = {"-p", "--priority"},
            paramLabel = "P",
            description = "1-5, or min, low, default, high, max, urgent")
    String priority;

    @Option(
            names = {"--tags", "--tag", "-T"},
            split = ",",
            paramLabel = "TAG",
            description = "comma-separated tags; emoji names (warning, tada) show as emoji")
    List<String> tags = new ArrayList<>();

    @Option(
            names = {"--delay", "--at", "--in", "-D"},
            paramLabel = "WHEN",
            description = "deliver later: 30m, 2h, a unix time, or tomorrow, 10am")
    String delay;

    @Option(
            names = {"--click", "-U"},
            paramLabel = "URL",
            description = "URL opened when the notification is clicked")
    String click;

    @Option(
            names = {"--icon", "-i"},
            paramLabel = "URL",
            description = "notification icon (http or https URL)")
    String icon;

    @Option(
            names = {"--actions", "-A"},
            paramLabel = "ACTIONS",
            description = "action buttons, short syntax (view, Open, https://x; http, Stop, https://y) or a JSON array")
    String actions;

    @Option(
            names = {"--attach", "-a"},
            paramLabel = "URL",
            description = "URL of a file to attach")
    String attach;

    @Option(
            names = {"--file", "-f"},
            paramLabel = "FILE",
            description = "upload this file as the attachment (streamed); - reads it from stdin")
    String file;

    @Option(
            names = {"--filename", "--name", "-n"},
            paramLabel = "NAME",
            description = "attachment file name")
    String filename;

    @Option(
            names = {"--email", "--mail", "-e"},
            paramLabel = "ADDRESS",
            description = "also send the message to this e-mail address")
    String email;

    @Option(
            names = "--call",
            paramLabel = "NUMBER",
            description = "also call this phone number (yes: the account's verified number)")
    String call;

    @Option(
            names = {"--markdown", "--md"},
            description = "the message is markdown")
    boolean markdown;

    @Option(
            names = {"--no-cache", "-C"},
            description = "the server does not keep the message")
    boolean noCache;

    @Option(
            names = {"--no-firebase", "-F"},
            description = "the server does not forward the message to Firebase")
    boolean noFirebase;

    @Option(
            names = {"--sequence-id", "--sid", "-S"},
            paramLabel = "ID",
            description = "replace the notification with this sequence id")
    String sequenceId;

    @Option(
            names = {"-u", "--user"},
            paramLabel = "USER[:PASS]",
            description = "log in with this user (asks for the password when it is not given)")
    String user;

    @Option(
            names = {"-k", "--token"},
            paramLabel = "TOKEN",
            description = "log in with an access token (tk_...)")
    String token;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "ntfy client.yml to read defaults from (default: ntfy's own place)")
    Path config;

    @Option(names = "--no-emoji", description = "leave :shortcodes: in the message and title as they are")
    boolean noEmoji;

    @Option(names = "--json", description = "print the server's JSON answer instead of the message id")
    boolean json;

    @Option(
            names = {"-q", "--quiet"},
            description = "print nothing when it worked")
    boolean quiet;

    @Option(
            names = "--local",
            description = "show a desktop notification on this computer instead of publishing to a server")
    boolean local;

    /**
     * The request for {@code topic}: the options, {@code text} as the message, {@code extraTags} after the user's
     * tags, and the default title when no {@code -t} is given. Shortcodes become emoji in text typed by the user unless
     * {@code --no-emoji}.
     *
     * @throws IllegalArgumentException with a sentence for an invalid priority or action
     */
    PublishRequest request(
            String topic, String text, boolean typedByUser, List<String> extraTags, String defaultTitle) {
        boolean emoji = typedByUser && !noEmoji;
        String t = title != null ? title : defaultTitle;
        List<String> allTags = new ArrayList<>();
        tags.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(allTags::add);
        extraTags.stream().filter(s -> !allTags.contains(s)).forEach(allTags::add);
        PublishRequest r = PublishRequest.to(topic, emoji ? EmojiShortcodes.replace(text) : text)
                .withTitle(emoji && title != null ? EmojiShortcodes.replace(t) : t)
                .withTags(allTags)
                .withClick(click)
                .withIcon(icon)
                .withAttachment(attach, filename)
                .withMarkdown(markdown)
                .withEmail(email)
                .withCall(call)
                .withDelay(delay)
                .withCache(!noCache)
                .withFirebase(!noFirebase)
                .withSequenceId(sequenceId);
        if (priority != null) {
            r = r.withPriority(Priority.parse(priority)
                    .orElseThrow(() -> new IllegalArgumentException("priority '" + priority
                            + "' is not valid; use 1 to 5, min, low, default, high, max or urgent")));
        }
        if (actions != null && !actions.isBlank()) {
            try {
                r = r.withActions(ActionSyntax.parse(actions.replace('\n', ' ')));
            } catch (io.ntfybar.protocol.ProtocolException e) {
                throw new IllegalArgumentException("--actions is not valid: " + e.getMessage(), e);
            }
        }
        return r;
    }
}
