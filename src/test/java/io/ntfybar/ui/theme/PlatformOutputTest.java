package io.ntfybar.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.ui.theme.CommandRunner.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each platform's command output, as those commands print it, through the parser. macOS and Windows cannot run
 * here, so their commands are answered from these strings; the commands asked for are checked too.
 */
class PlatformOutputTest {
    private static final Duration NEVER = Duration.ofHours(1);

    // macOS: dark mode prints the value; light mode has no such key and exits 1 (its message goes to stderr).
    @Test
    void macDefaults() {
        assertTrue(MacDefaultsTheme.parse(new Result(0, "Dark\n")));
        assertFalse(MacDefaultsTheme.parse(new Result(1, "")));
        assertFalse(MacDefaultsTheme.parse(new Result(0, "Light\n")));
    }

    @Test
    void macAsksDefaultsAndReadsFailureAsLight() {
        List<List<String>> asked = new ArrayList<>();
        MacDefaultsTheme dark = new MacDefaultsTheme(
                c -> {
                    asked.add(c);
                    return Optional.of(new Result(0, "Dark\n"));
                },
                NEVER);
        assertTrue(dark.isDark());
        assertEquals(List.of("defaults", "read", "-g", "AppleInterfaceStyle"), asked.get(0));
        assertFalse(new MacDefaultsTheme(c -> Optional.empty(), NEVER).isDark());
    }

    private static final String REG_HEAD =
            "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n";

    @Test
    void windowsRegistry() {
        assertTrue(WindowsRegistryTheme.parse(
                new Result(0, REG_HEAD + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n")));
        assertFalse(WindowsRegistryTheme.parse(
                new Result(0, REG_HEAD + "    AppsUseLightTheme    REG_DWORD    0x1\r\n\r\n")));
        // Windows before 1809 has no value: reg prints an error and exits 1.
        assertFalse(WindowsRegistryTheme.parse(
                new Result(1, "ERROR: The system was unable to find the specified registry key or value.\r\n")));
        assertFalse(WindowsRegistryTheme.parse(new Result(0, REG_HEAD)));
    }

    @Test
    void windowsAsksRegForTheUsersKey() {
        List<List<String>> asked = new ArrayList<>();
        WindowsRegistryTheme t = new WindowsRegistryTheme(
                c -> {
                    asked.add(c);
                    return Optional.of(new Result(0, REG_HEAD + "    AppsUseLightTheme    REG_DWORD    0x0\r\n"));
                },
                NEVER);
        assertTrue(t.isDark());
        assertEquals("reg", asked.get(0).get(0));
        assertEquals(
                "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                asked.get(0).get(2));
        assertEquals("AppsUseLightTheme", asked.get(0).get(4));
    }

    // gsettings prints GVariant text: strings in single quotes.
    @Test
    void gsettingsColorScheme() {
        assertEquals(Optional.of(true), GtkTheme.parseColorScheme(new Result(0, "'prefer-dark'\n")));
        assertEquals(Optional.of(false), GtkTheme.parseColorScheme(new Result(0, "'prefer-light'\n")));
        assertEquals(Optional.empty(), GtkTheme.parseColorScheme(new Result(0, "'default'\n")));
        // GNOME before 42: "No such key “color-scheme”" on stderr, exit 1.
        assertEquals(Optional.empty(), GtkTheme.parseColorScheme(new Result(1, "")));
    }

    @Test
    void gsettingsThemeName() {
        assertTrue(GtkTheme.parseGtkTheme(new Result(0, "'Adwaita-dark'\n")));
        assertTrue(GtkTheme.parseGtkTheme(new Result(0, "'Yaru-Dark'\n")));
        assertFalse(GtkTheme.parseGtkTheme(new Result(0, "'Adwaita'\n")));
        assertFalse(GtkTheme.parseGtkTheme(new Result(1, "'Adwaita-dark'\n")));
    }

    @Test
    void gtkThemeVariableWinsOverGsettings() {
        CommandRunner sayDark = c -> Optional.of(new Result(0, "'prefer-dark'\n"));
        assertTrue(new GtkTheme(sayDark, null, NEVER).isDark());
        assertFalse(new GtkTheme(sayDark, "Adwaita", NEVER).isDark());
        assertTrue(new GtkTheme(c -> Optional.empty(), "Adwaita:dark", NEVER).isDark());
        assertFalse(new GtkTheme(c -> Optional.empty(), null, NEVER).isDark(), "no gsettings means light");
    }

    @Test
    void defaultColorSchemeFallsBackToTheThemeName() {
        CommandRunner oldStyleDark = c -> Optional.of(
                c.contains("color-scheme") ? new Result(0, "'default'\n") : new Result(0, "'Adwaita-dark'\n"));
        assertTrue(new GtkTheme(oldStyleDark, null, NEVER).isDark());
    }
}
