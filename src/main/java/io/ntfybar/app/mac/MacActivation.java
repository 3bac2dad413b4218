package io.ntfybar.app.mac;

import com.sun.jna.Pointer;
import io.ntfybar.notify.mac.AppleObjcRuntime;
import io.ntfybar.notify.mac.ObjcRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the app to the front on macOS. A menu-bar app ({@code LSUIElement}) is never the active app, so a window it
 * opens appears behind the front app unless it activates itself: {@code [NSApp activateIgnoringOtherApps:YES]}.
 *
 * <p>Threading: AppKit wants the main thread; JavaFX's application thread is the main thread on macOS, so this runs
 * there (the window code calls it right after {@code Stage.show()}). Not verifiable on Linux: the call sequence is two
 * messages through the same {@link ObjcRuntime} port as the notifier, which its tests cover; the effect is listed in
 * docs/macos-notifications.md as a check for a Mac.
 */
public final class MacActivation implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(MacActivation.class);
    private final ObjcRuntime rt;

    public MacActivation(ObjcRuntime rt) {
        this.rt = rt;
    }

    /** With Apple's runtime; call only on macOS. */
    public static MacActivation system() {
        return new MacActivation(new AppleObjcRuntime());
    }

    @Override
    public void run() {
        try {
            Pointer app = rt.sendPointer(rt.getClass("NSApplication"), rt.selector("sharedApplication"));
            rt.sendVoid(app, rt.selector("activateIgnoringOtherApps:"), (byte) 1);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Could not bring ntfybar to the front: {}", e.toString());
        }
    }
}
