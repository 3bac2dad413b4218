package io.ntfybar.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where ntfybar keeps its files, by the platform's conventions: macOS {@code ~/Library/Application Support/ntfybar}
 * and {@code ~/Library/Logs/ntfybar}; Linux XDG ({@code $XDG_DATA_HOME}, {@code $XDG_CONFIG_HOME},
 * {@code $XDG_STATE_HOME}); Windows {@code %LOCALAPPDATA%\ntfybar}. {@code NTFYBAR_HOME} (environment) or the
 * system property {@code ntfybar.home} puts everything under one folder instead, which tests and portable installs use.
 * Immutable; nothing is created on disk until a caller asks for it.
 *
 * @param data the message store and other state
 * @param config settings files
 * @param logs log files
 * @param cache downloaded icons and attachments
 */
public record AppPaths(Path data, Path config, Path logs, Path cache) {
    public static final String APP = "ntfybar";

    public AppPaths {
        Objects.requireNonNull(data);
        Objects.requireNonNull(config);
        Objects.requireNonNull(logs);
        Objects.requireNonNull(cache);
    }

    /** The paths for this process, from its OS, home folder, environment and system properties. */
    public static AppPaths current() {
        return resolve(
                System.getProperty("os.name", ""),
                System.getProperty("user.home", "."),
                System.getenv(),
                System.getProperty("ntfybar.home"));
    }

    /** Pure resolution, for tests: the same rules as {@link #current()} for any OS and environment. */
    public static AppPaths resolve(String osName, String userHome, Map<String, String> env, String homeOverride) {
        String override = homeOverride != null && !homeOverride.isBlank() ? homeOverride : env.get("NTFYBAR_HOME");
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new AppPaths(
                    root.resolve("data"), root.resolve("config"), root.resolve("logs"), root.resolve("cache"));
        }
        Path home = Path.of(userHome);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path lib = home.resolve("Library");
            Path support = lib.resolve("Application Support").resolve(APP);
            return new AppPaths(
                    support,
                    support,
                    lib.resolve("Logs").resolve(APP),
                    lib.resolve("Caches").resolve(APP));
        }
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path root = (local == null || local.isBlank()
                            ? home.resolve("AppData").resolve("Local")
                            : Path.of(local))
                    .resolve(APP);
            return new AppPaths(
                    root.resolve("data"), root.resolve("config"), root.resolve("logs"), root.resolve("cache"));
        }
        return new AppPaths(
                xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"))
                        .resolve(APP),
                xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP),
                xdg(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"))
                        .resolve(APP)
                        .resolve("logs"),
                xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve(APP));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        // The XDG spec says relative paths are invalid and must be ignored.
        return v != null && !v.isBlank() && Path.of(v).isAbsolute() ? Path.of(v) : fallback;
    }
}
