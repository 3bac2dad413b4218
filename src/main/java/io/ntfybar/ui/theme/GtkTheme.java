package io.ntfybar.ui.theme;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux without the desktop portal: the {@code GTK_THEME} variable, then GNOME's settings through {@code gsettings}
 * ({@code color-scheme} since GNOME 42, before that a theme name such as {@code Adwaita-dark}). Desktops that set
 * neither (a bare window manager) read as light.
 */
public final class GtkTheme implements SystemTheme {
    private static final Logger log = LoggerFactory.getLogger(GtkTheme.class);
    static final List<String> COLOR_SCHEME = List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
    static final List<String> GTK_THEME = List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme");

    private final CommandRunner runner;
    private final String gtkThemeVariable;
    private final PollingWatcher poller;
    private volatile boolean failureLogged;

    /** {@code gtkThemeVariable}: the value of {@code GTK_THEME}, or null. */
    public GtkTheme(CommandRunner runner, String gtkThemeVariable, Duration pollInterval) {
        this.runner = runner;
        this.gtkThemeVariable = gtkThemeVariable;
        this.poller = new PollingWatcher(this::isDark, pollInterval);
    }

    /** The real one: this process's {@code GTK_THEME}, gsettings, polled every 5 s. */
    public static GtkTheme forThisProcess() {
        return new GtkTheme(CommandRunner.processes(), System.getenv("GTK_THEME"), Duration.ofSeconds(5));
    }

    @Override
    public boolean isDark() {
        // GTK_THEME overrides the desktop's theme for GTK apps started with it; do as they do.
        if (gtkThemeVariable != null && !gtkThemeVariable.isBlank()) {
            return themeNameIsDark(gtkThemeVariable);
        }
        Optional<CommandRunner.Result> scheme = runner.run(COLOR_SCHEME);
        if (scheme.isEmpty()) {
            if (!failureLogged) {
                failureLogged = true;
                log.info("No portal and no gsettings to read the light/dark setting from; using the light theme");
            }
            return false;
        }
        Optional<Boolean> fromScheme = parseColorScheme(scheme.get());
        if (fromScheme.isPresent()) {
            return fromScheme.get();
        }
        return runner.run(GTK_THEME).map(GtkTheme::parseGtkTheme).orElse(false);
    }

    /** True for {@code 'prefer-dark'}, false for {@code 'prefer-light'}; empty for {@code 'default'} or no key. */
    static Optional<Boolean> parseColorScheme(CommandRunner.Result r) {
        if (r.exitCode() != 0) {
            return Optional.empty();
        }
        return switch (unquote(r.stdout())) {
            case "prefer-dark" -> Optional.of(true);
            case "prefer-light" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    static boolean parseGtkTheme(CommandRunner.Result r) {
        return r.exitCode() == 0 && themeNameIsDark(unquote(r.stdout()));
    }

    /** {@code Adwaita:dark} (GTK_THEME's variant syntax) or a theme named like {@code Yaru-dark}. */
    static boolean themeNameIsDark(String theme) {
        String t = theme.strip().toLowerCase(Locale.ROOT);
        return t.endsWith(":dark") || t.contains("-dark");
    }

    private static String unquote(String gvariantString) {
        String s = gvariantString.strip();
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    @Override
    public void watch(Runnable onChange) {
        poller.start(onChange);
    }

    /** Ends {@link #watch}, waiting for a poll under way (its gsettings process) to end. */
    void stopWatching() {
        poller.stop();
    }

    @Override
    public String name() {
        return gtkThemeVariable != null && !gtkThemeVariable.isBlank() ? "GTK_THEME" : "gsettings";
    }
}
