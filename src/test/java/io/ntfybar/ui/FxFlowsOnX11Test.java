package io.ntfybar.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import io.ntfybar.testsupport.DesktopTests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window flows (tests tagged {@code fx-flow}) again, on a real X server: this build runs them with Monocle's
 * headless glass in the normal test run; here a child JVM runs them with GTK glass and AWT's robot on a private Xvfb,
 * so real X events, fonts and window mapping are exercised too.
 */
class FxFlowsOnX11Test {
    @Test
    void windowFlowsPassOnARealXServer(@TempDir Path home) throws Exception {
        DesktopTests.require(DesktopSession.onPath("Xvfb"), "Xvfb is not installed");
        try (DesktopSession desktop = DesktopSession.start(false)) {
            String out = ChildJvm.run(
                    FxFlowLauncher.class,
                    desktop.env(),
                    List.of(
                            "-Xmx1g",
                            "-Dglass.platform=gtk",
                            "-Dprism.order=sw",
                            "-Dtestfx.robot=awt",
                            "-Dtestfx.headless=false",
                            "-Djava.awt.headless=false",
                            "-Dntfybar.home=" + home.resolve("home"),
                            "-Dntfybar.logdir=" + home.resolve("logs"),
                            "-Dntfybar.shared=" + System.getProperty("ntfybar.shared", "")),
                    Duration.ofMinutes(10));
            Matcher m = Pattern.compile("(\\d+) tests successful").matcher(out);
            assertTrue(m.find() && Integer.parseInt(m.group(1)) > 0, out);
            System.out.println(out);
        }
    }
}
