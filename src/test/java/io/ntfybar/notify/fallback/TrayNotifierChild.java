package io.ntfybar.notify.fallback;

import io.ntfybar.render.NotificationSpec;
import java.util.List;
import java.util.Optional;

/** Runs {@link TrayNotifier} in a JVM whose DISPLAY is a test desktop: prints what happened, line by line. */
public final class TrayNotifierChild {
    private TrayNotifierChild() {}

    public static void main(String[] args) throws Exception {
        Optional<TrayNotifier> n = TrayNotifier.create();
        System.out.println(n.isPresent() ? "tray" : "no tray");
        System.out.flush();
        if (n.isPresent()) {
            n.get()
                    .show(new NotificationSpec(
                            "id",
                            "g",
                            "Backup failed",
                            "backups",
                            "disk full",
                            NotificationSpec.Level.TIME_SENSITIVE,
                            null,
                            true,
                            List.of(),
                            null,
                            null));
            System.out.println("shown");
            System.out.flush();
            // The balloon stays while the test looks at the display; the test closes our stdin when it is done.
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
            n.get().close();
        }
        System.exit(0);
    }
}
