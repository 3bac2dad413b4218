package io.ntfybar.ui.theme;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * macOS: {@code defaults read -g AppleInterfaceStyle}. The key exists only in dark mode (it prints {@code Dark});
 * in light mode the command fails because the key is absent, so a non-zero exit is an answer, not an error. Reading
 * NSApp.effectiveAppearance would need JNA, which the architecture keeps to the {@code *.mac} packages.
 */
final class MacDefaultsTheme implements SystemTheme {
    private static final Logger log = LoggerFactory.getLogger(MacDefaultsTheme.class);
    static final List<String> COMMAND = List.of("defaults", "read", "-g", "AppleInterfaceStyle");

    private final CommandRunner runner;
    private final PollingWatcher poller;
    private volatile boolean failureLogged;

    MacDefaultsTheme(CommandRunner runner, Duration pollInterval) {
        this.runner = runner;
        this.poller = new PollingWatcher(this::isDark, pollInterval);
    }

    @Override
    public boolean isDark() {
        Optional<CommandRunner.Result> r = runner.run(COMMAND);
        if (r.isEmpty()) {
            if (!failureLogged) {
                failureLogged = true;
                log.warn("Could not run 'defaults read -g AppleInterfaceStyle'; using the light theme");
            }
            return false;
        }
        return parse(r.get());
    }

    static boolean parse(CommandRunner.Result r) {
        return r.exitCode() == 0 && r.stdout().strip().equalsIgnoreCase("Dark");
    }

    @Override
    public void watch(Runnable onChange) {
        poller.start(onChange);
    }

    @Override
    public String name() {
        return "macOS defaults AppleInterfaceStyle";
    }
}
