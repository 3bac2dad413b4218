package io.ntfybar.notify.fallback;

import io.ntfybar.notify.NotificationListener;
import io.ntfybar.notify.Notifier;
import io.ntfybar.render.NotificationSpec;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where nothing can show a notification: says so once, in the log and on stderr, and keeps the messages in history.
 */
public final class NoNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(NoNotifier.class);
    private final String reason;
    private final PrintStream stderr;
    private final AtomicBoolean told = new AtomicBoolean();

    public NoNotifier(String reason, PrintStream stderr) {
        this.reason = reason;
        this.stderr = stderr;
    }

    @Override
    public String name() {
        return "no notifications";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.TEXT_ONLY;
    }

    @Override
    public Availability availability() {
        return Availability.unusable(reason);
    }

    @Override
    public void show(NotificationSpec spec) {
        if (told.compareAndSet(false, true)) {
            String text = "ntfybar cannot show notifications here: " + reason
                    + ". Messages are still received and kept in history.";
            log.warn(text);
            stderr.println(text);
        }
    }

    @Override
    public void withdraw(String identity) {}

    @Override
    public void setListener(NotificationListener listener) {}

    @Override
    public void close() {}
}
