package io.ntfybar.notify;

import io.ntfybar.render.NotificationSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The notifier's listener: answers to the app's own notifications (the connection alert) go to the handler they were
 * shown with, on the notification thread; everything else goes on to the messages' listener. Any answer (click,
 * button, dismissal) ends an own notification.
 */
final class OwnNotifications implements NotificationListener {
    private final Map<String, NotificationListener> handlers = new ConcurrentHashMap<>();
    private final NotificationListener messages;
    private final Notifier notifier;
    private final Executor thread;

    OwnNotifications(NotificationListener messages, Notifier notifier, Executor thread) {
        this.messages = messages;
        this.notifier = notifier;
        this.thread = thread;
    }

    void show(NotificationSpec spec, NotificationListener handler) {
        thread.execute(() -> {
            handlers.put(spec.identity(), handler);
            notifier.show(spec);
        });
    }

    void withdraw(String identity) {
        thread.execute(() -> {
            if (handlers.remove(identity) != null) {
                notifier.withdraw(identity);
            }
        });
    }

    @Override
    public void onClick(String identity) {
        NotificationListener h = handlers.remove(identity);
        if (h == null) {
            messages.onClick(identity);
        } else {
            thread.execute(() -> h.onClick(identity));
        }
    }

    @Override
    public void onAction(String identity, int index) {
        NotificationListener h = handlers.remove(identity);
        if (h == null) {
            messages.onAction(identity, index);
        } else {
            thread.execute(() -> h.onAction(identity, index));
        }
    }

    @Override
    public void onDismissed(String identity) {
        NotificationListener h = handlers.remove(identity);
        if (h == null) {
            messages.onDismissed(identity);
        } else {
            thread.execute(() -> h.onDismissed(identity));
        }
    }
}
