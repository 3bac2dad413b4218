package io.ntfybar.notify;

import io.ntfybar.render.NotificationSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real notifier with every spec it was asked to show written down in order. The D-Bus notifier's show returns once
 * dunst has the notification, so after {@link NotificationService#flush()} this list says exactly what reached dunst,
 * without waiting for dunst's log script.
 */
final class RecordingNotifier implements Notifier {
    private final Notifier real;
    private final List<NotificationSpec> shows = new CopyOnWriteArrayList<>();

    RecordingNotifier(Notifier real) {
        this.real = real;
    }

    /** Every spec shown so far whose body contains {@code text}, in order. */
    List<NotificationSpec> showing(String text) {
        return shows.stream()
                .filter(s -> s.body() != null && s.body().contains(text))
                .toList();
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public Capabilities capabilities() {
        return real.capabilities();
    }

    @Override
    public Availability availability() {
        return real.availability();
    }

    @Override
    public void show(NotificationSpec spec) {
        shows.add(spec);
        real.show(spec);
    }

    @Override
    public void withdraw(String identity) {
        real.withdraw(identity);
    }

    @Override
    public void setListener(NotificationListener listener) {
        real.setListener(listener);
    }

    @Override
    public void close() {
        real.close();
    }
}
