package io.ntfybar.notify.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tray-balloon fallback on a real X display, with and without a system-tray host (trayer). */
class TrayNotifierTest {
    @Test
    void withATrayHostTheBalloonIsShownOnTheDisplay() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(true)) {
            String before = desktop.run("xwininfo", "-root", "-tree");
            Process child = ChildJvm.start(TrayNotifierChild.class, desktop.env(), List.of(), "12000");
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("tray", out.readLine());
                assertEquals("shown", out.readLine());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                String tree = desktop.run("xwininfo", "-root", "-tree");
                while (!(tree.contains("JavaEmbeddedFrame") && tree.contains("sun-awt-X11-XLabelPeer"))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    tree = desktop.run("xwininfo", "-root", "-tree");
                }
                assertTrue(tree.contains("JavaEmbeddedFrame"), "the tray icon sits in trayer: " + tree);
                assertTrue(!before.contains("JavaEmbeddedFrame"));
                // The balloon: AWT's XToolkit draws it as a window of its own with labels for title and text.
                assertTrue(tree.contains("sun-awt-X11-XLabelPeer"), "the balloon is on screen: " + tree);
                assertTrue(!before.contains("sun-awt-X11-XLabelPeer"));
            } finally {
                child.destroy();
                assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void withoutATrayHostThereIsNoTrayNotifier() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(false)) {
            String out = ChildJvm.run(TrayNotifierChild.class, desktop.env(), List.of(), "0");
            assertEquals("no tray", out.strip());
        }
    }
}
