package io.ntfybar.cli;

import io.ntfybar.model.AppVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the command line, {@code ntfybar [command]}. Subcommands are added here as they are built. Run on the
 * caller's thread; {@link #run(String...)} returns the process exit code and never calls {@code System.exit}.
 */
@Command(
        name = "ntfybar",
        mixinStandardHelpOptions = true,
        subcommands = {
            SubscribeCommand.class,
            PublishCommand.class,
            DoneCommand.class,
            ShellIntegrationCommand.class,
            CompletionCommand.class,
            BackupCommand.class
        },
        versionProvider = NtfybarCommand.Version.class,
        description = {
            "Desktop client and command line for ntfy (https://ntfy.sh) and self-hosted ntfy servers.",
            "Without a command, ntfybar starts the desktop (menu-bar / tray) app."
        },
        footer = {
            "",
            "Examples:",
            "  ntfybar                                   start the desktop app",
            "  ntfybar publish mytopic \"Backup done :tada:\"",
            "  ntfybar subscribe mytopic 'notify-send \"$t\" \"$m\"'",
            "  ntfybar done --topic builds make release",
            "  eval \"$(ntfybar shell-integration --topic jobs)\"   in ~/.bashrc or ~/.zshrc",
            "  source <(ntfybar completion bash)",
            "",
            "ntfybar COMMAND --help tells more. Data, settings and logs: see the README, section 'Configuration and"
                    + " where data lives'."
        })
public final class NtfybarCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final java.io.InputStream stdin;
    private final boolean stdinIsTerminal;

    NtfybarCommand(java.io.InputStream stdin, boolean stdinIsTerminal) {
        this.stdin = stdin;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    /** The standard input of the command this spec belongs to (the process's, or what a test gave). */
    static java.io.InputStream stdin(CommandLine.Model.CommandSpec spec) {
        return ((NtfybarCommand) spec.root().userObject()).stdin;
    }

    /** Whether that input is a terminal (then nothing is read from it unasked). */
    static boolean stdinIsTerminal(CommandLine.Model.CommandSpec spec) {
        return ((NtfybarCommand) spec.root().userObject()).stdinIsTerminal;
    }

    @Override
    public void run() {
        // Only reached when the root is invoked with options but no command (e.g. "ntfybar -x" is rejected earlier).
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Parses and runs {@code args}; returns the exit code (0 ok, 2 usage error, 1 failure). */
    public static int run(String... args) {
        return new CommandLine(new NtfybarCommand(System.in, Terminals.stdinIsTerminal())).execute(args);
    }

    /** Like {@link #run(String...)}, writing to these instead of stdout and stderr (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return run(java.io.InputStream.nullInputStream(), out, err, args);
    }

    /** Like {@link #run(java.io.PrintWriter, java.io.PrintWriter, String...)}, reading {@code in} as standard input. */
    public static int run(java.io.InputStream in, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return new CommandLine(new NtfybarCommand(in, false))
                .setOut(out)
                .setErr(err)
                .execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "ntfybar " + AppVersion.current().version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")
            };
        }
    }
}
