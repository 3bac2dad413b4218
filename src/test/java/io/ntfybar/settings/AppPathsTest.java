package io.ntfybar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {
    @Test
    void linuxFollowsXdgDefaults() {
        AppPaths p = AppPaths.resolve("Linux", "/home/ann", Map.of(), null);
        assertEquals(Path.of("/home/ann/.local/share/ntfybar"), p.data());
        assertEquals(Path.of("/home/ann/.config/ntfybar"), p.config());
        assertEquals(Path.of("/home/ann/.local/state/ntfybar/logs"), p.logs());
        assertEquals(Path.of("/home/ann/.cache/ntfybar"), p.cache());
    }

    @Test
    void linuxHonoursAbsoluteXdgVariablesAndIgnoresRelativeOnes() {
        AppPaths p = AppPaths.resolve(
                "Linux", "/home/ann", Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "relative/cfg"), null);
        assertEquals(Path.of("/data/ntfybar"), p.data());
        assertEquals(Path.of("/home/ann/.config/ntfybar"), p.config());
    }

    @Test
    void macUsesLibraryFolders() {
        AppPaths p = AppPaths.resolve("Mac OS X", "/Users/ann", Map.of(), null);
        assertEquals(Path.of("/Users/ann/Library/Application Support/ntfybar"), p.data());
        assertEquals(Path.of("/Users/ann/Library/Logs/ntfybar"), p.logs());
        assertEquals(Path.of("/Users/ann/Library/Caches/ntfybar"), p.cache());
    }

    @Test
    void homeOverrideWinsOverEnvironmentAndPlatform() {
        AppPaths p = AppPaths.resolve("Mac OS X", "/Users/ann", Map.of("NTFYBAR_HOME", "/env"), "/prop");
        assertEquals(Path.of("/prop/data"), p.data());
        assertEquals(
                Path.of("/env/logs"),
                AppPaths.resolve("Linux", "/h", Map.of("NTFYBAR_HOME", "/env"), null)
                        .logs());
    }
}
