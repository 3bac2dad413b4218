package io.ntfybar.ui.theme;

import java.time.Duration;
import java.util.List;

/**
 * macOS: {@code defaults read -g AppleInterfaceStyle}. The key exists only in dark mode (it prints {@code Dark});
 * in light mode the command fails because the key is absent, so a non-zero exit is an answer, not an error. Reading
 * NSApp.effectiveAppearance would need JNA, which the architecture keeps to the {@code *.mac} packages.
 */
final class MacDefaultsTheme extends CommandTheme {
    static final List<String> COMMAND = List.of("defaults", "read", "-g", "AppleInterfaceStyle");

    MacDefaultsTheme(CommandRunner runner, Duration pollInterval) {
        super(runner, COMMAND, MacDefaultsTheme::parse, pollInterval);
    }

    static boolean parse(CommandRunner.Result r) {
        return r.exitCode() == 0 && r.stdout().strip().equalsIgnoreCase("Dark");
    }

    @Override
    public String name() {
        return "macOS defaults AppleInterfaceStyle";
    }
}
