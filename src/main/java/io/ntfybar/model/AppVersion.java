package io.ntfybar.model;

import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build, read once from the {@code version.properties} resource that Maven fills in.
 *
 * @param version e.g. {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}; {@code dev} when run from unfiltered sources
 */
public record AppVersion(String version) {
    private static final AppVersion CURRENT = load();

    public static AppVersion current() {
        return CURRENT;
    }

    /** The {@code User-Agent} ntfybar sends, so server operators can tell its requests apart. */
    public String userAgent() {
        return "ntfybar/" + version;
    }

    private static AppVersion load() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/io/ntfybar/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return new AppVersion(v.trim());
                }
            }
        } catch (Exception e) {
            // fall through: a missing version must never stop the app
        }
        return new AppVersion("dev");
    }
}
