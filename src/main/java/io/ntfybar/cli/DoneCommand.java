package io.ntfybar.cli;

import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.settings.SettingsException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ntfybar done}: runs a command (or waits for a running process) and then publishes how it ended, e.g.
 * {@code "make" failed (exit 2) in 1:05 minutes} with a ❌ tag. The exit code is the command's. The shell integration
 * reports a command the shell already ran through the hidden {@code --finished} options.
 */
@Command(
        name = "done",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Run a command, then publish how it ended: \"sleep 10\" succeeded in 0:10 minutes, or"
                    + " \"make\" failed (exit 2) in 1:05 minutes (H:MM:SS hours from one hour on), tagged ✅ or ❌."
                    + " Exits with the command's exit code.",
            "The command runs directly, not through a shell, with this terminal's input and output; for a pipeline or"
                    + " shell syntax use: ntfybar done -- sh -c '...'. Everything after the first word that is not"
                    + " an option of done belongs to the command. A command that cannot be started is reported"
                    + " as failed too, with exit code 127 (not found) or 126 (not executable), as a shell would.",
            "Ctrl-C reaches the command (it runs in ntfybar's process group); ntfybar waits for it to end, and when it"
                    + " ended by the Ctrl-C (exit code 130) nothing is published: you were there.",
            "--pid waits for a process that is already running; its exit code is unknown, so the message says"
                    + " \"Process 1234 (\"rsync\") finished in 4:10 minutes\", tagged 🏁, and the time counts from"
                    + " the process's start when the OS tells it. Ctrl-C stops the waiting and publishes nothing.",
            "The topic is --topic, else settings.yml cli.topic. The title is -t, else settings.yml cli.title, else"
                    + " \"ntfybar on <host name>\". The priority is the server's default unless -p is given. Nothing"
                    + " is printed unless --json. A failed publish is reported on stderr but does not change the"
                    + " exit code of a command."
        },
        footer = {
            "",
            "Examples:",
            "  ntfybar done sleep 10",
            "  ntfybar done --topic builds make -j8",
            "  ntfybar done --longer-than 60 -p high -- ./backup.sh --full",
            "  ntfybar done -- sh -c 'make && make install'",
            "  ntfybar done --pid 6379",
            "  ntfybar done --local rsync -a ~/photos /mnt/backup",
            "",
            "Exit codes: the command's; 126/127 when it cannot be started; with --pid 0 published, 1 failed;"
                    + " 1 no topic or a bad setting; 2 usage error."
        })
final class DoneCommand implements Callable<Integer> {
    /** Exit status of a command ended by SIGINT (128 + 2), as bash and zsh report it. */
    static final int SIGINT_EXIT = 130;

    @Mixin
    PublishOptions options;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "topic name or topic URL to publish to (default: settings.yml cli.topic)")
    String topic;

    @Option(
            names = "--pid",
            paramLabel = "PID",
            description = "wait for this running process instead of running a command")
    Long pid;

    @Option(names = "--longer-than", paramLabel = "SECONDS", description = "publish only when it ran longer than this")
    Long longerThan;

    /** The shell integration: a command line the shell already ran (no command is run). */
    @Option(names = "--finished", hidden = true, paramLabel = "COMMAND LINE")
    String finishedLine;

    @Option(names = "--exit-code", hidden = true, paramLabel = "N")
    Integer exitCode;

    @Option(names = "--millis", hidden = true, paramLabel = "MS")
    Long millis;

    @Parameters(
            paramLabel = "COMMAND",
            arity = "0..*",
            parameterConsumer = RestOfLine.class,
            description = "the command and its arguments")
    List<String> command = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String usage = usageProblem();
        if (usage != null) {
            return fail(err, usage + " (see ntfybar done --help)", 2);
        }
        String problem = configProblem();
        if (problem != null) {
            return fail(err, problem, 1);
        }
        if (!options.json) {
            options.quiet = true; // stdout belongs to the command
        }
        if (finishedLine != null) {
            Finished f = Finished.text(finishedLine, exitCode, Duration.ofMillis(Math.max(0, millis)));
            return exitCode == SIGINT_EXIT || !longEnough(f) ? 0 : publish(f);
        }
        if (pid != null) {
            return ProcessWait.await(pid, err)
                    .map(f -> longEnough(f) ? publish(f) : 0)
                    .orElse(1);
        }
        return runCommand(err);
    }

    private int runCommand(PrintWriter err) {
        CommandRun.Result r;
        try {
            java.io.InputStream in = NtfybarCommand.stdin(spec);
            r = CommandRun.run(command, in == System.in, in, spec.commandLine().getOut(), err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, "interrupted while waiting for the command; nothing published", SIGINT_EXIT);
        }
        if (r.startError() != null) {
            err.println(spec.qualifiedName() + ": " + r.startError());
            err.flush();
        }
        if (r.exitCode() == SIGINT_EXIT) {
            return r.exitCode(); // ended by Ctrl-C: the user was there
        }
        if (longEnough(r.finished())) {
            publish(r.finished());
        }
        return r.exitCode();
    }

    private int publish(Finished f) {
        return Delivery.publish(spec, options, topic, f.message(), false, f.tags());
    }

    private boolean longEnough(Finished f) {
        return longerThan == null || f.duration().compareTo(Duration.ofSeconds(longerThan)) > 0;
    }

    /** A sentence when the options do not fit together, else null. */
    private String usageProblem() {
        int modes = (command.isEmpty() ? 0 : 1) + (pid == null ? 0 : 1) + (finishedLine == null ? 0 : 1);
        if (modes == 0) {
            return "give the command to run (ntfybar done sleep 10) or --pid PID";
        }
        if (modes > 1) {
            return "give either a command to run or --pid, not both";
        }
        if (finishedLine != null && (exitCode == null || millis == null)) {
            return "--finished needs --exit-code and --millis";
        }
        if (finishedLine == null && (exitCode != null || millis != null)) {
            return "--exit-code and --millis go with --finished";
        }
        if (longerThan != null && longerThan < 0) {
            return "--longer-than must be 0 or more seconds, not " + longerThan;
        }
        if (options.message != null) {
            return "done writes the message itself; -m cannot be used with it (-t sets a title)";
        }
        return null;
    }

    /**
     * Checks, before anything runs, that there is somewhere to publish: a command of an hour should not end in "no
     * topic". Also gives the message its default title. A sentence when not, else null.
     */
    private String configProblem() {
        try {
            CliConfig config = CliConfig.load(options.config);
            if (options.title == null && config.defaultTitle().isEmpty()) {
                options.title = "ntfybar on " + HostName.get();
            }
            if (options.local) {
                return null;
            }
            config.publishTopic(topic);
            return null;
        } catch (SettingsException | ProtocolException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private int fail(PrintWriter err, String sentence, int code) {
        err.println(spec.qualifiedName() + ": " + sentence);
        err.flush();
        return code;
    }

    /**
     * Takes the first positional word and everything after it as the command, so that the command's own options
     * ({@code ls -la}) are never read as done's.
     */
    static final class RestOfLine implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(
                Stack<String> args, CommandLine.Model.ArgSpec argSpec, CommandLine.Model.CommandSpec commandSpec) {
            List<String> words = new ArrayList<>();
            while (!args.isEmpty()) {
                words.add(args.pop());
            }
            argSpec.setValue(words);
        }
    }
}
