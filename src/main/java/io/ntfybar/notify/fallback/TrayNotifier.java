package io.ntfybar.notify.fallback;

import io.ntfybar.notify.NotificationListener;
import io.ntfybar.notify.Notifier;
import io.ntfybar.render.NotificationSpec;
import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback anywhere a system tray exists: an AWT tray balloon ({@link TrayIcon#displayMessage}). Title and text
 * only: no actions, no click on the message, nothing to withdraw. Uses the app's own tray icon when given one, else
 * adds a small icon of its own (for {@code subscribe --notify}).
 */
public final class TrayNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(TrayNotifier.class);
    private final TrayIcon icon;
    private final boolean ownIcon;

    private TrayNotifier(TrayIcon icon, boolean ownIcon) {
        this.icon = icon;
        this.ownIcon = ownIcon;
    }

    /** On the app's tray icon. */
    public static TrayNotifier on(TrayIcon icon) {
        return new TrayNotifier(icon, false);
    }

    /** With an icon of its own; empty when there is no display or no system tray. */
    public static Optional<TrayNotifier> create() {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return Optional.empty();
            }
            TrayIcon icon = new TrayIcon(placeholderIcon(), "ntfybar");
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
            return Optional.of(new TrayNotifier(icon, true));
        } catch (AWTException | RuntimeException | LinkageError e) {
            log.info("No system tray for notifications: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The icon of a notifier without the app's tray icon: a filled circle in ntfy's green with a white dot. */
    private static BufferedImage placeholderIcon() {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0x33, 0x85, 0x74));
        g.fillOval(2, 2, 28, 28);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(11, 11, 10, 10);
        g.dispose();
        return img;
    }

    @Override
    public String name() {
        return "system tray messages";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.TEXT_ONLY;
    }

    @Override
    public Availability availability() {
        return Availability.OK;
    }

    @Override
    public void show(NotificationSpec spec) {
        TrayIcon.MessageType type =
                switch (spec.level()) {
                    case PASSIVE -> TrayIcon.MessageType.NONE;
                    case ACTIVE -> TrayIcon.MessageType.INFO;
                    case TIME_SENSITIVE -> TrayIcon.MessageType.WARNING;
                };
        // XToolkit's balloon draws no line breaks: the subtitle goes in front, after a colon.
        String body = spec.subtitle() == null ? spec.body() : spec.subtitle() + ": " + spec.body();
        try {
            icon.displayMessage(spec.title(), body, type);
        } catch (RuntimeException e) {
            log.warn("The tray could not show a message: {}", e.toString());
        }
    }

    @Override
    public void withdraw(String identity) {
        // A tray balloon cannot be taken back.
    }

    @Override
    public void setListener(NotificationListener listener) {
        // No clicks are reported for tray balloons.
    }

    @Override
    public void close() {
        if (ownIcon) {
            try {
                SystemTray.getSystemTray().remove(icon);
            } catch (RuntimeException e) {
                log.debug("Removing the tray icon: {}", e.toString());
            }
        }
    }
}
