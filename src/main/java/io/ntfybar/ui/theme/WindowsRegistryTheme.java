package io.ntfybar.ui.theme;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows 10 1809 and later: the {@code AppsUseLightTheme} DWORD under the user's Personalize key, 0 meaning dark.
 * Read with {@code reg.exe} so no native binding is needed. Older Windows has no such value and no dark mode for
 * apps, so a missing value means light.
 */
final class WindowsRegistryTheme extends CommandTheme {
    static final List<String> COMMAND = List.of(
            "reg",
            "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
            "/v",
            "AppsUseLightTheme");
    private static final Pattern VALUE =
            Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)", Pattern.CASE_INSENSITIVE);

    WindowsRegistryTheme(CommandRunner runner, Duration pollInterval) {
        super(runner, COMMAND, WindowsRegistryTheme::parse, pollInterval);
    }

    static boolean parse(CommandRunner.Result r) {
        if (r.exitCode() != 0) {
            return false;
        }
        Matcher m = VALUE.matcher(r.stdout());
        return m.find() && Long.parseLong(m.group(1), 16) == 0;
    }

    @Override
    public String name() {
        return "Windows registry AppsUseLightTheme";
    }
}
