package io.ntfybar.cli;

import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.settings.SettingsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ntfybar shell-integration}: prints the bash or zsh code that, once {@code eval}ed in the shell's rc file,
 * reports every command line that ran longer than a threshold through {@code ntfybar done --finished ...}, started in
 * the background so that the prompt never waits. The code is {@link ShellSnippet}'s.
 */
@Command(
        name = "shell-integration",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Print shell code that publishes how a command ended when it ran longer than --longer-than seconds,"
                    + " like ntfybar done, for every command line you type. Add to the end of ~/.bashrc or to"
                    + " ~/.zshrc:  eval \"$(ntfybar shell-integration)\"",
            "bash: a DEBUG trap and PROMPT_COMMAND (an existing DEBUG trap and PROMPT_COMMAND, also a bash 5.1"
                    + " array, are kept and chained; ntfybar's hook has to run first in PROMPT_COMMAND to see the exit"
                    + " status, so eval this last). zsh: preexec and precmd hooks (add-zsh-hook).",
            "ntfybar runs detached in the background, its output discarded: the prompt never waits for it. A command"
                    + " ended by Ctrl-C (exit 130) is not reported.",
            "Skipped programs: NTFYBAR_IGNORE (space or comma separated names, compared with the first word of the"
                    + " command line after VAR=value assignments, without its directory; read at every prompt; setting"
                    + " it replaces the default list). Unset, it is: " + ShellSnippet.DEFAULT_IGNORE + ".",
            "Unless --foreground-too, a command is not reported while its terminal has the focus. That can only be"
                    + " told on X11, in a terminal that sets WINDOWID (xterm, urxvt, st, kitty, alacritty, konsole),"
                    + " with xdotool installed, outside tmux and screen and without WAYLAND_DISPLAY: there the active"
                    + " window is compared with WINDOWID. Everywhere else (Wayland, macOS, tmux, screen, ssh) every"
                    + " long command is reported.",
            "The topic is --topic, else settings.yml cli.topic at the time of each report (one of them must be set,"
                    + " unless --local)."
        },
        footer = {
            "",
            "Examples:",
            "  eval \"$(ntfybar shell-integration)\"                       # in ~/.bashrc or ~/.zshrc",
            "  eval \"$(ntfybar shell-integration --longer-than 60 --topic builds)\"",
            "  eval \"$(ntfybar shell-integration --local --foreground-too)\"",
            "  NTFYBAR_IGNORE=\"vim less ssh make\"                       # replaces the default list",
            "  ntfybar shell-integration --shell zsh > ~/.ntfybar.zsh    # to read what it does",
            "",
            "Exit codes: 0 printed, 1 no topic or no way to start ntfybar from a shell, 2 usage error."
        })
final class ShellIntegrationCommand implements Callable<Integer> {
    @Option(
            names = "--shell",
            paramLabel = "bash|zsh",
            description = "the shell to print code for (default: the one $SHELL names)")
    String shell;

    @Option(
            names = "--longer-than",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "report commands that ran longer than this (default: ${DEFAULT-VALUE})")
    long longerThan;

    @Option(names = "--foreground-too", description = "report even while the terminal has the focus")
    boolean foregroundToo;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "topic name or topic URL to publish to (default: settings.yml cli.topic)")
    String topic;

    @Option(
            names = "--local",
            description = "show desktop notifications on this computer instead of publishing to a server")
    boolean local;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (longerThan < 0) {
            return fail(err, "--longer-than must be 0 or more seconds, not " + longerThan, 2);
        }
        String name = shell != null ? shell : shellFromEnvironment();
        ShellSnippet.Shell which;
        try {
            which = ShellSnippet.Shell.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fail(
                    err,
                    (shell != null ? "--shell " + name : "$SHELL is " + (name.isEmpty() ? "not set" : name))
                            + "; there is shell integration for bash and zsh only: give --shell bash or --shell zsh",
                    shell != null ? 2 : 1);
        }
        String problem = topicProblem();
        if (problem != null) {
            return fail(err, problem, 1);
        }
        Optional<String> launcher = Launcher.prefix();
        if (launcher.isEmpty()) {
            return fail(
                    err,
                    "cannot tell how a shell would start this ntfybar (it runs from a class folder, not a jar or the"
                            + " installed launcher); run it from the jar, or set -Dntfybar.launcher='COMMAND PREFIX'",
                    1);
        }
        List<String> args = new ArrayList<>();
        if (topic != null) {
            args.add("--topic");
            args.add(topic);
        }
        if (local) {
            args.add("--local");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ShellSnippet.render(which, launcher.get(), longerThan, foregroundToo, args));
        out.flush();
        return 0;
    }

    private static String shellFromEnvironment() {
        String s = System.getenv("SHELL");
        return s == null || s.isBlank() ? "" : Path.of(s.strip()).getFileName().toString();
    }

    /** A sentence when nothing could be published to, else null: told now, not silently at every long command. */
    private String topicProblem() {
        if (local) {
            return null;
        }
        try {
            CliConfig.load(null).publishTopic(topic);
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
}
