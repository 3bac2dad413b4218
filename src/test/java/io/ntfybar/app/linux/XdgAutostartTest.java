package io.ntfybar.app.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.app.Main;
import io.ntfybar.settings.ShellWords;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.DesktopSession;
import io.ntfybar.testsupport.DesktopTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launch at login on Linux for real: the autostart entry is written where the XDG spec says, passes freedesktop's own
 * validator, and its Exec line, read back as a session would, starts ntfybar, also from a folder whose name needs
 * every kind of quoting.
 */
class XdgAutostartTest {
    @TempDir
    Path dir;

    @Test
    void theEntryIsValidAndItsExecLineStartsNtfybar() throws Exception {
        Path odd = dir.resolve("my apps $HOME %u \"q\" `x` back\\slash");
        Files.createDirectories(odd);
        Path java =
                Files.createSymbolicLink(odd.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        List<String> launcher =
                List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName());
        XdgAutostart item = new XdgAutostart(dir.resolve("autostart"), Optional.of(launcher));
        assertFalse(item.isEnabled());
        item.setEnabled(true);
        assertTrue(item.isEnabled());
        Path file = dir.resolve("autostart/ntfybar.desktop");
        String entry = Files.readString(file);

        if (DesktopSession.onPath("desktop-file-validate")) {
            Process v = new ProcessBuilder("desktop-file-validate", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(v.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(0, v.exitValue(), out);
            assertFalse(out.contains("error"), out);
        } else {
            DesktopTests.require(false, "desktop-file-validate (desktop-file-utils) is needed");
        }

        List<String> exec = execWords(entry);
        assertEquals(launcher, exec, "the Exec line reads back as the same words");
        List<String> withVersion = new ArrayList<>(exec);
        withVersion.add("--version");
        Process p = new ProcessBuilder(withVersion).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.startsWith("ntfybar "), out);

        item.setEnabled(false);
        assertFalse(Files.exists(file));
        item.setEnabled(false);
    }

    @Test
    void anEntryTheUserHidOrDisabledCountsAsOff() throws Exception {
        XdgAutostart item = new XdgAutostart(dir, Optional.of(List.of("ntfybar")));
        Files.writeString(dir.resolve("ntfybar.desktop"), "[Desktop Entry]\nType=Application\nExec=x\nHidden=true\n");
        assertFalse(item.isEnabled());
        Files.writeString(
                dir.resolve("ntfybar.desktop"),
                "[Desktop Entry]\nType=Application\nExec=x\nX-GNOME-Autostart-enabled=false\n");
        assertFalse(item.isEnabled());
        item.setEnabled(true);
        assertTrue(item.isEnabled(), "switching on again writes ntfybar's own entry");
    }

    @Test
    void withoutALauncherItSaysWhyAndRefuses() {
        XdgAutostart item = new XdgAutostart(dir, Optional.empty());
        assertTrue(item.unavailable().orElseThrow().contains("installed package or its jar"));
        assertThrows(IllegalStateException.class, () -> item.setEnabled(true));
    }

    @Test
    void folderFollowsXdgConfigHome() {
        assertEquals(Path.of("/x/cfg/autostart"), XdgAutostart.folder(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/a"));
        assertEquals(
                Path.of("/home/a/.config/autostart"), XdgAutostart.folder(Map.of("XDG_CONFIG_HOME", "rel"), "/home/a"));
    }

    /** The Exec key's words as a session reads them: string escapes, then quoting, then %% as %. */
    static List<String> execWords(String entry) {
        String line =
                entry.lines().filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow();
        String value = line.substring("Exec=".length()).replace("\\\\", "\\");
        return ShellWords.split(value).stream().map(w -> w.replace("%%", "%")).toList();
    }
}
