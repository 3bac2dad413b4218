package io.ntfybar.app.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.DesktopSession;
import io.ntfybar.testsupport.DesktopTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macOS login item's logic around the native calls. SMAppService itself cannot run here: a recording stand-in for
 * {@link ServiceManagement} takes its place (the four messages of {@link AppleServiceManagement} are on the Mac
 * checklist in docs/macos-notifications.md). The LaunchAgent is a real file, read back by a real plist parser.
 */
class MacLoginItemTest {
    @TempDir
    Path dir;

    static final class FakeService implements ServiceManagement {
        long status = NOT_REGISTERED;
        final List<String> calls = new ArrayList<>();
        String refuse;

        @Override
        public long status() {
            return status;
        }

        @Override
        public void register() {
            calls.add("register");
            if (refuse != null) {
                throw new IllegalStateException(refuse);
            }
            status = REQUIRES_APPROVAL;
        }

        @Override
        public void unregister() {
            calls.add("unregister");
            status = NOT_REGISTERED;
        }
    }

    @Test
    void theInstalledAppUsesSmAppServiceAndSaysWhenMacOsWaitsForApproval() throws Exception {
        FakeService sm = new FakeService();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MacLoginItem.LABEL + ".plist"), "an agent from a jar run before");
        MacLoginItem item = new MacLoginItem(Optional.of(sm), dir, Optional.empty());
        assertTrue(item.unavailable().isEmpty(), "the bundle needs no launcher command");
        assertFalse(item.isEnabled());
        item.setEnabled(true);
        assertEquals(List.of("register"), sm.calls);
        assertTrue(item.isEnabled(), "requires approval counts as on");
        assertTrue(item.note().orElseThrow().contains("Login Items"));
        assertFalse(Files.exists(item.agentFile()), "an old LaunchAgent would start a second copy");
        sm.status = ServiceManagement.ENABLED;
        assertTrue(item.note().isEmpty());
        item.setEnabled(false);
        assertFalse(item.isEnabled());

        sm.refuse = "macOS did not register ntfybar as a login item: Operation not permitted";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> item.setEnabled(true));
        assertTrue(e.getMessage().contains("Operation not permitted"));
    }

    @Test
    void withoutSmAppServiceALaunchAgentStartsTheLauncher() throws Exception {
        List<String> cmd =
                List.of("/usr/bin/java", "-Dntfybar.home=/Users/a/nb & <co>", "-jar", "/Users/a/ntfybar.jar");
        MacLoginItem item = new MacLoginItem(Optional.empty(), dir.resolve("LaunchAgents"), Optional.of(cmd));
        item.setEnabled(true);
        assertTrue(item.isEnabled());
        Path plist = item.agentFile();
        assertEquals("io.ntfybar.app.plist", plist.getFileName().toString());
        DesktopTests.require(DesktopSession.onPath("python3"), "python3 reads the plist back");
        Process p = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import plistlib,sys,json; d=plistlib.load(open(sys.argv[1],'rb'));"
                                + " print(json.dumps([d['Label'], d['ProgramArguments'], d['RunAtLoad']]))",
                        plist.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(
                "[\"io.ntfybar.app\", [\"/usr/bin/java\", \"-Dntfybar.home=/Users/a/nb & <co>\", \"-jar\","
                        + " \"/Users/a/ntfybar.jar\"], true]",
                out);
        item.setEnabled(false);
        assertFalse(Files.exists(plist));
        assertTrue(new MacLoginItem(Optional.empty(), dir, Optional.empty())
                .unavailable()
                .isPresent());
    }
}
