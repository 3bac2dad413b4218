package io.ntfybar.ui.theme;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A system setting read by running a command and reading its answer, polled for changes (macOS {@code defaults},
 * Windows {@code reg}). A command that cannot run means light, logged once.
 */
abstract class CommandTheme implements SystemTheme {
    private static final Logger log = LoggerFactory.getLogger(CommandTheme.class);

    private final CommandRunner runner;
    private final List<String> command;
    private final Predicate<CommandRunner.Result> dark;
    private final PollingWatcher poller;
    private volatile boolean failureLogged;

    CommandTheme(
            CommandRunner runner, List<String> command, Predicate<CommandRunner.Result> dark, Duration pollInterval) {
        this.runner = runner;
        this.command = command;
        this.dark = dark;
        this.poller = new PollingWatcher(this::isDark, pollInterval);
    }

    @Override
    public final boolean isDark() {
        Optional<CommandRunner.Result> r = runner.run(command);
        if (r.isEmpty()) {
            if (!failureLogged) {
                failureLogged = true;
                log.warn("Could not run '{}'; using the light theme", String.join(" ", command));
            }
            return false;
        }
        return dark.test(r.get());
    }

    @Override
    public final void watch(Runnable onChange) {
        poller.start(onChange);
    }
}
