package io.ntfybar.notify;

import io.ntfybar.notify.fallback.NoNotifier;
import io.ntfybar.notify.fallback.OsascriptNotifier;
import io.ntfybar.notify.fallback.TrayNotifier;
import io.ntfybar.notify.linux.DbusNotifier;
import io.ntfybar.notify.mac.MacNotifier;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the notifier at run time, most capable first, always ending in a fallback:
 *
 * <ul>
 *   <li>macOS: Notification Center (only from the bundled {@code ntfybar.app}; see docs/macos-notifications.md), else
 *       {@code osascript} (development runs without a bundle), else a tray balloon.
 *   <li>Linux and other Unix desktops: the freedesktop service on the session bus, else a tray balloon.
 *   <li>Elsewhere: a tray balloon.
 *   <li>Nothing at all: {@link NoNotifier}, which says so once in the log and on stderr.
 * </ul>
 */
public final class Notifiers {
    private static final Logger log = LoggerFactory.getLogger(Notifiers.class);

    private Notifiers() {}

    /** For this process's OS and environment. */
    public static Notifier choose(PrintStream stderr) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Optional<? extends Notifier> chosen = Optional.empty();
        if (os.contains("mac")) {
            chosen = usable(MacNotifier.create());
            if (chosen.isEmpty()) {
                chosen = usable(new OsascriptNotifier());
            }
        } else if (!os.contains("win")) {
            chosen = DbusNotifier.connectSessionBus();
        }
        if (chosen.isEmpty()) {
            chosen = TrayNotifier.create();
        }
        Notifier n = chosen.isPresent()
                ? chosen.get()
                : new NoNotifier("there is no notification service and no system tray", stderr);
        log.info("Notifications through {}", n.name());
        return n;
    }

    private static Optional<Notifier> usable(Notifier n) {
        if (n.availability().usable()) {
            return Optional.of(n);
        }
        log.info("Not using {}: {}", n.name(), n.availability().reason());
        n.close();
        return Optional.empty();
    }
}
