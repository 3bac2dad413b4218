package io.ntfybar.ui.theme;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows 10 1809 and later: the {@code AppsUseLightTheme} DWORD under the user's Personalize key, 0 meaning dark.
 * Read with {@code reg.exe} so no native binding is needed. Older Windows has no such value and no dark mode for
 * apps, so a missing value means light.
 */
final class WindowsRegistryTheme implements SystemTheme {
    private static final Logger log = LoggerFactory.getLogger(WindowsRegistryTheme.class);
    static final List<String> COMMAND = List.of(
            "reg",
            "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
            "/v",
            "AppsUseLightTheme");
    private static final Pattern VALUE =
            Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)", Pattern.CASE_INSENSITIVE);

    private final CommandRunner runner;
    private final PollingWatcher poller;
    private volatile boolean failureLogged;

    WindowsRegistryTheme(CommandRunner runner, Duration pollInterval) {
        this.runner = runner;
        this.poller = new PollingWatcher(this::isDark, pollInterval);
    }

    @Override
    public boolean isDark() {
        Optional<CommandRunner.Result> r = runner.run(COMMAND);
        if (r.isEmpty()) {
            if (!failureLogged) {
                failureLogged = true;
                log.warn("Could not run 'reg query' for AppsUseLightTheme; using the light theme");
            }
            return false;
        }
        return parse(r.get());
    }

    static boolean parse(CommandRunner.Result r) {
        if (r.exitCode() != 0) {
            return false;
        }
        Matcher m = VALUE.matcher(r.stdout());
        return m.find() && Long.parseLong(m.group(1), 16) == 0;
    }

    @Override
    public void watch(Runnable onChange) {
        poller.start(onChange);
    }

    @Override
    public String name() {
        return "Windows registry AppsUseLightTheme";
    }
}
