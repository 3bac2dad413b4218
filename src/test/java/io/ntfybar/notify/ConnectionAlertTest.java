package io.ntfybar.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.render.NotificationSpec;
import io.ntfybar.settings.ConnectionAlertSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection alert's rules, with a notifier that records what it was asked to show (the D-Bus path runs in
 * {@link ConnectionAlertEndToEndTest}).
 */
class ConnectionAlertTest {
    /** Records shows and withdrawals in order, as "show title: body" and "withdraw identity". */
    private static final class Recording implements Notifier {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile NotificationListener listener;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(true, true, false, true);
        }

        @Override
        public Availability availability() {
            return Availability.OK;
        }

        @Override
        public void show(NotificationSpec spec) {
            calls.add("show " + spec.title() + ": " + spec.body());
        }

        @Override
        public void withdraw(String identity) {
            calls.add("withdraw " + identity);
        }

        @Override
        public void setListener(NotificationListener listener) {
            this.listener = listener;
        }

        @Override
        public void close() {}
    }

    private final Recording notifier = new Recording();
    private final NotificationService service = new NotificationService(
            null, notifier, null, null, id -> null, Settings::defaults, System::currentTimeMillis);
    private final AtomicLong now =
            new AtomicLong(Instant.parse("2026-11-23T12:00:00Z").toEpochMilli());
    private final AtomicLong monotonic = new AtomicLong(1_000_000_000L);
    private final AtomicBoolean online = new AtomicBoolean(true);
    private final AtomicReference<ConnectionAlertSettings> setting =
            new AtomicReference<>(ConnectionAlertSettings.NEVER.withAfterMinutes(15));
    private final ConnectionAlert alert =
            new ConnectionAlert(service, setting::get, setting::updateAndGet, now::get, monotonic::get, online::get);

    private static final ConnectionKey HOME = ConnectionKey.anonymous(ServerUrl.of("https://ntfy.home.example"));
    private static final ConnectionKey WORK = ConnectionKey.anonymous(ServerUrl.of("http://10.0.0.7:8080"));

    @AfterEach
    void close() {
        service.close();
    }

    private void report(ConnectionKey key, ConnectionState state) {
        alert.onReport(new ConnectionState.Report(key, List.of("t"), state));
    }

    private static ConnectionState down() {
        return new ConnectionState.BackingOff(Instant.now(), "Cannot reach the server.");
    }

    private List<String> calls() throws InterruptedException {
        service.flush();
        return notifier.calls;
    }

    /** Awake time passes: both clocks move. */
    private void later(Duration d) {
        now.addAndGet(d.toMillis());
        monotonic.addAndGet(d.toNanos());
        alert.check();
    }

    @Test
    void twoServersDownAreNamedInOneNotificationThatUpdatesAndGoesWhenBothAreBack() throws Exception {
        report(HOME, down());
        later(Duration.ofMinutes(10));
        report(WORK, down());
        assertEquals(List.of(), calls(), "neither down for 15 minutes yet");
        later(Duration.ofMinutes(6));
        assertEquals(
                List.of("show Server unreachable: ntfybar has not reached ntfy.home.example for 15 minutes. Messages"
                        + " published meanwhile arrive once the connection is back."),
                calls());
        later(Duration.ofMinutes(10));
        assertEquals(
                "show Server unreachable: ntfybar has not reached 2 servers (10.0.0.7:8080, ntfy.home.example)"
                        + " for 15 minutes. Messages published meanwhile arrive once the connection is back.",
                calls().get(1));
        report(HOME, new ConnectionState.Connecting());
        assertEquals(2, calls().size(), "connecting changes nothing");
        report(HOME, new ConnectionState.Connected());
        assertEquals(
                "show Server unreachable: ntfybar has not reached 10.0.0.7:8080 for 15 minutes. Messages published"
                        + " meanwhile arrive once the connection is back.",
                calls().get(2),
                "the text now names only what is still down");
        report(WORK, new ConnectionState.Connected());
        assertEquals("withdraw " + ConnectionAlert.IDENTITY, calls().get(calls().size() - 1));
    }

    @Test
    void aRefusedTopicIsNoOutageAndNothingIsShownWithoutAnyNetwork() throws Exception {
        report(HOME, new ConnectionState.Failed("You have no permission for this topic."));
        later(Duration.ofHours(1));
        assertEquals(List.of(), calls(), "login problems are shown in the sidebar and the tray, not as an outage");

        online.set(false);
        report(WORK, down());
        later(Duration.ofHours(1));
        assertEquals(List.of(), calls(), "no network at all: the user knows");
        online.set(true);
        later(Duration.ofSeconds(30));
        assertEquals(1, calls().size());
    }

    @Test
    void aClickShowsTheServerAndKeepsTheAlertAwayForThisOutageButTheNextOneAlertsAgain() throws Exception {
        report(HOME, down());
        later(Duration.ofMinutes(20));
        assertEquals(1, calls().size());
        List<String> opened = new CopyOnWriteArrayList<>();
        alert.onOpen(opened::add);
        notifier.listener.onClick(ConnectionAlert.IDENTITY); // as the notifier reports it
        calls();
        assertEquals(List.of("https://ntfy.home.example"), opened, "a click shows that server");
        later(Duration.ofHours(3));
        assertEquals(1, calls().size(), "clicked or dismissed: not again in the same outage");

        report(HOME, new ConnectionState.Connected());
        report(HOME, down());
        later(Duration.ofMinutes(20));
        assertEquals(2, calls().size(), "a new outage alerts again");
        assertTrue(calls().get(1).startsWith("show Server unreachable"));
    }

    @Test
    void hoursAsleepDoNotCountAsAnOutage() throws Exception {
        report(HOME, down());
        later(Duration.ofMinutes(10));
        now.addAndGet(Duration.ofHours(8).toMillis()); // the lid was closed: the monotonic clock stood still
        report(HOME, new ConnectionState.Connecting()); // the engine's wake-up reconnect reports first
        report(HOME, down()); // woke up before the network did
        assertEquals(List.of(), calls(), "timed from the wake-up, not from before the sleep");
        later(Duration.ofMinutes(14));
        assertEquals(List.of(), calls());
        later(Duration.ofMinutes(1));
        assertEquals(1, calls().size(), "still down 15 minutes after waking: alert");
    }

    @Test
    void streamsOfOneConnectionAreTrackedApartAndQuittingTakesTheAlertAway() throws Exception {
        alert.onReport(new ConnectionState.Report(HOME, List.of("a", "b"), down()));
        alert.onReport(new ConnectionState.Report(HOME, List.of("c"), down()));
        alert.onReport(new ConnectionState.Report(HOME, List.of("a", "b"), new ConnectionState.Connected()));
        later(Duration.ofMinutes(20));
        assertEquals(1, calls().size(), "topic c's stream is still down");
        alert.close();
        report(WORK, down());
        later(Duration.ofHours(1));
        assertEquals("withdraw " + ConnectionAlert.IDENTITY, calls().get(1));
        assertEquals(2, calls().size(), "nothing after close");
    }

    @Test
    void aSnoozeSavesTheTimeAndTakesTheAlertAway() throws Exception {
        report(HOME, down());
        later(Duration.ofMinutes(20));
        // Called directly while the notification is registered: as when a quiet update was queued just before.
        alert.onAction(ConnectionAlert.IDENTITY, 1);
        assertEquals(
                (now.get() + Duration.ofDays(1).toMillis()) / 1000,
                setting.get().snoozedUntil(),
                "Snooze 1 day");
        assertEquals("withdraw " + ConnectionAlert.IDENTITY, calls().get(1), "also a quiet update queued meanwhile");
        later(Duration.ofHours(23));
        assertEquals(2, calls().size(), "snoozed");
        later(Duration.ofHours(2));
        assertEquals(3, calls().size(), "the snooze ended and the server is still down");
    }

    @Test
    void offAndTheDelaysReadAsPeopleSayThem() {
        report(HOME, down());
        setting.set(ConnectionAlertSettings.NEVER);
        later(Duration.ofDays(2));
        assertEquals(List.of(), notifier.calls, "off by default, as on Android");
        assertEquals("an hour", ConnectionAlert.duration(60));
        assertEquals("3 hours", ConnectionAlert.duration(180));
        assertEquals("5 minutes", ConnectionAlert.duration(5));
    }
}
