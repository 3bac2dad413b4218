package io.ntfybar.notify;

import io.ntfybar.render.NotificationSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

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
        route(identity, l -> l.onClick(identity));
    }

    @Override
    public void onAction(String identity, int index) {
        route(identity, l -> l.onAction(identity, index));
    }

    @Override
    public void onDismissed(String identity) {
        route(identity, l -> l.onDismissed(identity));
    }

    /** An own notification's answer goes to its handler on the notification thread; a message's on, as it came. */
    private void route(String identity, Consumer<NotificationListener> answer) {
        NotificationListener own = handlers.remove(identity);
        if (own == null) {
            answer.accept(messages);
        } else {
            thread.execute(() -> answer.accept(own));
        }
    }
}
