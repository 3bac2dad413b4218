package io.ntfybar.notify;

import io.ntfybar.model.Action;
import io.ntfybar.net.NetworkPresence;
import io.ntfybar.render.NotificationSpec;
import io.ntfybar.settings.ConnectionAlertSettings;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.SleepDetector;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "server unreachable" notification (the Android app's connection alert, ntfy#1101): once a server's stream has
 * been failing for longer than the settings allow, one notification names it; it goes away by itself when every server
 * is reachable again. Its buttons snooze it for an hour or a day, or turn it off. Nothing is shown while the machine
 * has no network at all (a laptop on a plane knows), nor again in the same outage once the user dismissed it.
 *
 * <p>A refused topic (login, permission) is not "unreachable": the sidebar and the tray already say what to do. Fed
 * with every connection report and checked every {@link #CHECK_EVERY} on the notification thread (so a changed
 * setting applies within that time). Thread-safe.
 */
public final class ConnectionAlert implements NotificationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAlert.class);
    static final String IDENTITY = "ntfybar:connection-alert";
    static final Duration CHECK_EVERY = Duration.ofSeconds(30);
    static final List<Duration> SNOOZES = List.of(Duration.ofHours(1), Duration.ofDays(1));
    static final Duration SLEEP_JUMP = Duration.ofMinutes(1);

    private final NotificationService notifications;
    private final Supplier<ConnectionAlertSettings> settings;
    private final Consumer<UnaryOperator<ConnectionAlertSettings>> change;
    private final LongSupplier clock;
    private final LongSupplier monotonicNanos;
    private final BooleanSupplier online;
    private volatile Consumer<String> open = server -> {};
    /** When each stream (a connection's topics; a long topic list is split over several) started failing. */
    private final Map<Stream, Long> failingSince = new HashMap<>();

    private Set<String> shownFor = Set.of();
    private boolean dismissed;
    private boolean saving;
    private boolean closed;
    private SleepDetector sleep;

    private record Stream(ConnectionKey key, List<String> topics) {}

    /**
     * @param change saves a change of the settings (a snooze, turning it off)
     * @param clock epoch milliseconds
     * @param monotonicNanos a clock that stops while the machine sleeps ({@link System#nanoTime})
     * @param online whether this machine has a network at all
     */
    public ConnectionAlert(
            NotificationService notifications,
            Supplier<ConnectionAlertSettings> settings,
            Consumer<UnaryOperator<ConnectionAlertSettings>> change,
            LongSupplier clock,
            LongSupplier monotonicNanos,
            BooleanSupplier online) {
        this.notifications = notifications;
        this.settings = settings;
        this.change = change;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
        this.online = online;
    }

    /** As the app uses it: the system clock, the machine's interfaces, checked every 30 s. */
    public static ConnectionAlert start(
            NotificationService notifications,
            Supplier<ConnectionAlertSettings> settings,
            Consumer<UnaryOperator<ConnectionAlertSettings>> change) {
        ConnectionAlert a = new ConnectionAlert(
                notifications, settings, change, System::currentTimeMillis, System::nanoTime, NetworkPresence::any);
        notifications.every(CHECK_EVERY, a::check);
        return a;
    }

    /** A connection's new state (any thread). */
    public void onReport(ConnectionState.Report report) {
        synchronized (this) {
            noticeSleep();
            Stream stream = new Stream(report.key(), report.topics());
            if (report.state() instanceof ConnectionState.BackingOff) {
                failingSince.putIfAbsent(stream, clock.getAsLong());
            } else if (!(report.state() instanceof ConnectionState.Connecting)) {
                failingSince.remove(stream); // connected, closed, or refused for good (not unreachable)
            }
        }
        check();
    }

    /**
     * Time asleep is no outage: when the wall clock ran ahead of the monotonic one (the machine slept), every outage
     * is timed from now, so that waking up before the network does not alert about the night. Under the lock.
     */
    private void noticeSleep() {
        long now = clock.getAsLong();
        long mono = monotonicNanos.getAsLong();
        if (sleep == null) {
            sleep = new SleepDetector(SLEEP_JUMP, now, mono);
        } else if (sleep.jumped(now, mono)) {
            failingSince.replaceAll((stream, since) -> now);
        }
    }

    /** The app quits: the alert goes (its buttons would reach nobody), and the closing streams change nothing. */
    public synchronized void close() {
        closed = true;
        withdraw();
    }

    /** Shows, updates or withdraws the notification as things stand now. */
    public synchronized void check() {
        if (closed) {
            return;
        }
        noticeSleep();
        long now = clock.getAsLong();
        ConnectionAlertSettings s = settings.get();
        if (failingSince.isEmpty()) {
            dismissed = false; // the outage is over: the next one may alert again
        }
        Set<String> down = new TreeSet<>();
        failingSince.forEach((stream, since) -> {
            if (s.enabled() && now - since >= s.after().toMillis()) {
                down.add(stream.key().server().value());
            }
        });
        if (down.isEmpty()) {
            withdraw();
            return;
        }
        if (saving || dismissed || s.snoozedUntil() * 1000 > now || down.equals(shownFor) || !online.getAsBoolean()) {
            return;
        }
        // A server more: alert. One fewer (it came back): correct the text quietly.
        boolean more = !shownFor.containsAll(down);
        shownFor = Collections.unmodifiableSet(down);
        LOG.info("Alerting: {} unreachable for more than {} minutes", down, s.afterMinutes());
        notifications.showOwn(spec(down, s.afterMinutes(), more), this);
    }

    private void withdraw() {
        if (!shownFor.isEmpty()) {
            shownFor = Set.of();
            notifications.withdrawOwn(IDENTITY);
        }
    }

    static NotificationSpec spec(Set<String> servers, int minutes, boolean loud) {
        String names = servers.size() == 1
                ? shortUrl(servers.iterator().next())
                : servers.size() + " servers ("
                        + String.join(
                                ", ",
                                servers.stream().map(ConnectionAlert::shortUrl).toList()) + ")";
        String body = "ntfybar has not reached " + names + " for " + duration(minutes) + ". Messages published "
                + "meanwhile arrive once the connection is back.";
        List<Action> buttons = List.of(button("Snooze 1 hour"), button("Snooze 1 day"), button("Turn off"));
        return new NotificationSpec(
                IDENTITY,
                "ntfybar",
                "Server unreachable",
                null,
                body,
                loud ? NotificationSpec.Level.ACTIVE : NotificationSpec.Level.PASSIVE,
                loud ? NotificationSpec.DEFAULT_SOUND : null,
                false,
                buttons,
                null,
                null);
    }

    private static Action button(String label) {
        return new Action(null, "ntfybar", label, true, null, null, null, null, null, null, null);
    }

    private static String shortUrl(String baseUrl) {
        return baseUrl.replaceFirst("^https?://", "");
    }

    static String duration(int minutes) {
        if (minutes % 60 == 0) {
            int h = minutes / 60;
            return h == 1 ? "an hour" : h + " hours";
        }
        return minutes + " minutes";
    }

    // --- the notification's click, buttons and dismissal (notification thread) ---

    @Override
    public void onAction(String identity, int index) {
        synchronized (this) {
            shownFor = Set.of(); // the button took it away; a snooze shows it again when it ends, if still needed
            saving = true;
        }
        UnaryOperator<ConnectionAlertSettings> what = index < SNOOZES.size()
                ? a -> a.withSnoozedUntil(
                        (clock.getAsLong() + SNOOZES.get(index).toMillis()) / 1000)
                : a -> a.withAfterMinutes(0);
        try {
            // Not under this object's lock: saving takes the app's settings lock, whose holders may report here.
            change.accept(what);
        } catch (RuntimeException e) {
            LOG.warn("Could not save the connection alert's setting: {}", e.toString());
        } finally {
            synchronized (this) {
                saving = false;
            }
            notifications.withdrawOwn(IDENTITY); // a quiet update queued meanwhile goes too
        }
    }

    /** What a click on the notification opens: the app shows that server (its base URL) and its connection state. */
    public void onOpen(Consumer<String> server) {
        this.open = server;
    }

    @Override
    public void onClick(String identity) {
        String first;
        synchronized (this) {
            first = shownFor.isEmpty() ? null : shownFor.iterator().next();
            onDismissed(identity);
        }
        if (first != null) {
            open.accept(first);
        }
    }

    @Override
    public synchronized void onDismissed(String identity) {
        shownFor = Set.of();
        dismissed = true;
        notifications.withdrawOwn(IDENTITY); // a quiet update queued meanwhile goes too
    }
}
