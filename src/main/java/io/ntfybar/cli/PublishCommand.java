package io.ntfybar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ntfybar publish}: one message to a topic, with the official {@code ntfy publish} options. The message is the
 * words after the topic, else {@code -m}, else standard input when it is not a terminal.
 */
@Command(
        name = "publish",
        aliases = {"pub", "send", "trigger"},
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Publish a message to a topic; prints the new message's id.",
            "A bare topic is on the default server (settings.yml default-server, else client.yml default-host, else"
                    + " https://ntfy.sh). Without a message and with standard input from a pipe or file, that input"
                    + " is the message (sent unchanged; longer than 4096 bytes it becomes a text attachment, and"
                    + " input that is not UTF-8 text is sent as a file attachment, byte for byte).",
            "Emoji shortcodes typed as words, like :tada: or :warning:, become emoji (--no-emoji keeps them);"
                    + " root:x:0:0 stays as it is."
        },
        footer = {
            "",
            "Examples:",
            "  ntfybar publish mytopic Backup done :tada:",
            "  ntfybar send ntfy.example.com/alerts \"Disk full\" -p high --tags warning,skull",
            "  ntfybar pub -t Deploy --click https://ci.example.com/42 deploys \"v1.2 is live\"",
            "  ntfybar pub -A \"view, Open site, https://example.com\" ops \"Look at this\"",
            "  ntfybar pub --file report.pdf reports \"Monthly report\"",
            "  df -h | ntfybar pub -k tk_mytoken https://ntfy.example.com/disks",
            "  ntfybar pub --delay 30m reminders \"Stand up\"",
            "  ntfybar pub --local alerts \"Shown on this computer only\"",
            "  ntfybar pub --wait-cmd backups -- rsync -a ~/ /mnt/backup/",
            "  ntfybar pub --wait-pid 4711 builds",
            "",
            "Exit codes: 0 published, 1 the server refused it or could not be reached, 2 usage error."
        })
final class PublishCommand implements Callable<Integer> {
    @Mixin
    PublishOptions options;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "TOPIC",
            description = "a topic name or topic URL (default: settings.yml cli.topic)")
    String topic;

    @Parameters(index = "1..*", paramLabel = "MESSAGE", description = "the message; the words are joined by spaces")
    List<String> words = new ArrayList<>();

    @Option(
            names = {"--wait-cmd", "--cmd", "--done"},
            description = "run the MESSAGE words as a command, then publish how it ended (as ntfybar done;"
                    + " put -- before a command with options of its own)")
    boolean waitCmd;

    @Option(
            names = {"--wait-pid", "--pid"},
            paramLabel = "PID",
            description = "wait until this process ends, then publish (as ntfybar done --pid)")
    Long waitPid;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (waitCmd || waitPid != null) {
            return asDone();
        }
        String message = options.message;
        boolean typed = true;
        if (!words.isEmpty()) {
            message = String.join(" ", words);
        }
        if (message == null && options.file == null && !NtfybarCommand.stdinIsTerminal(spec)) {
            PipedInput piped;
            try {
                piped = PipedInput.read(NtfybarCommand.stdin(spec));
            } catch (IOException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(spec.qualifiedName() + ": cannot read the message from standard input: " + e.getMessage());
                err.flush();
                return Delivery.FAILED;
            }
            if (!piped.isText()) {
                return Delivery.publishBody(spec, options, topic, piped.body());
            }
            message = stripFinalNewline(piped.text());
            typed = false;
        }
        return Delivery.publish(spec, options, topic, message, typed, List.of());
    }

    /** {@code --wait-cmd} and {@code --wait-pid}: ntfy's spelling of {@code done}, with the topic first. */
    private int asDone() {
        DoneCommand done = new DoneCommand();
        done.spec = spec;
        done.options = options;
        done.topic = topic;
        done.pid = waitPid;
        if (waitCmd) {
            done.command = new ArrayList<>(words);
        }
        return done.call();
    }

    private static String stripFinalNewline(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
