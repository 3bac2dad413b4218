package io.ntfybar.notify.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The tray-balloon fallback on a real X display, with and without a system-tray host (trayer). */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the private X desktop (Xvfb, trayer) is built on Linux only")
class TrayNotifierTest {
    @Test
    void withATrayHostTheBalloonIsShownOnTheDisplay() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(true)) {
            String before = desktop.run("xwininfo", "-root", "-tree");
            Process child = ChildJvm.start(TrayNotifierChild.class, desktop.env(), List.of());
            try {
                ChildJvm.awaitLines(child, "tray", "shown");
                String tree = Await.value(
                        "the tray icon and the balloon on the display",
                        () -> desktop.run("xwininfo", "-root", "-tree"),
                        t -> t.contains("JavaEmbeddedFrame") && t.contains("sun-awt-X11-XLabelPeer"));
                assertTrue(tree.contains("JavaEmbeddedFrame"), "the tray icon sits in trayer: " + tree);
                assertTrue(!before.contains("JavaEmbeddedFrame"));
                // The balloon: AWT's XToolkit draws it as a window of its own with labels for title and text.
                assertTrue(tree.contains("sun-awt-X11-XLabelPeer"), "the balloon is on screen: " + tree);
                assertTrue(!before.contains("sun-awt-X11-XLabelPeer"));
            } finally {
                child.getOutputStream().close(); // the child's cue to close its notifier and exit
                boolean ended = child.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
                child.destroyForcibly();
                assertTrue(ended, "the child exits once its stdin is closed");
            }
        }
    }

    @Test
    void withoutATrayHostThereIsNoTrayNotifier() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(false)) {
            String out = ChildJvm.run(TrayNotifierChild.class, desktop.env(), List.of());
            assertEquals("no tray", out.strip());
        }
    }
}
