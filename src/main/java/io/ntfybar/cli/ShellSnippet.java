package io.ntfybar.cli;

import io.ntfybar.settings.ShellWords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The shell code that {@code ntfybar shell-integration} prints, from the templates {@code shell-integration.bash} and
 * {@code shell-integration.zsh} beside this class. Pure apart from reading those resources; thread-safe.
 */
final class ShellSnippet {
    /**
     * The programs skipped when {@code NTFYBAR_IGNORE} is unset: editors, pagers, shells, remote logins, terminal
     * multiplexers and full-screen monitors, which run as long as the user keeps them open.
     */
    static final String DEFAULT_IGNORE =
            "vi vim nvim nano emacs micro hx less more man bash zsh sh fish ssh mosh tmux screen top htop watch";

    /** The shells there is a snippet for. */
    enum Shell {
        BASH,
        ZSH;

        String template() {
            return "shell-integration." + name().toLowerCase(Locale.ROOT);
        }
    }

    private ShellSnippet() {}

    /**
     * @param launcher how the shell starts ntfybar: a command prefix, already quoted for the shell
     * @param longerThanSeconds report commands that ran longer than this
     * @param foregroundToo report even when the terminal has the focus
     * @param doneArgs extra arguments for {@code ntfybar done} ({@code --topic T}, {@code --local}), quoted here
     */
    static String render(
            Shell shell, String launcher, long longerThanSeconds, boolean foregroundToo, List<String> doneArgs) {
        return template(shell)
                .replace("@@LAUNCHER@@", launcher)
                .replace("@@SECONDS@@", Long.toString(longerThanSeconds))
                .replace("@@THRESHOLD_MS@@", Long.toString(Math.multiplyExact(longerThanSeconds, 1000L)))
                .replace("@@FOREGROUND_TOO@@", foregroundToo ? "1" : "0")
                .replace("@@IGNORE@@", DEFAULT_IGNORE)
                .replace("@@ARGS@@", ShellWords.command(doneArgs));
    }

    private static String template(Shell shell) {
        try (InputStream in = ShellSnippet.class.getResourceAsStream(shell.template())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + shell.template());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
