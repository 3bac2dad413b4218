package io.ntfybar.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Subscription;
import io.ntfybar.notify.linux.DbusNotifier;
import io.ntfybar.settings.ConnectionAlertSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.subscribe.ConnectionEngine;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.EngineConfig;
import io.ntfybar.subscribe.EngineListener;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.DesktopSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection alert end to end on Linux: a real engine loses its server (the test server answers 500), the alert
 * appears in a real dunst over a private session bus once the outage is older than the setting (the clock is moved
 * on instead of waiting minutes), its Snooze button chosen in dunst saves the snooze, it comes back when the snooze
 * ends, and it goes away by itself when the server answers again.
 */
class ConnectionAlertEndToEndTest {
    @TempDir
    Path dir;

    private DesktopSession desktop;
    private NtfyTestServer server;
    private Database db;
    private NotificationService service;
    private RecordingNotifier notifier;
    private ConnectionEngine engine;
    private ConnectionAlert alert;
    private final AtomicLong clockOffset = new AtomicLong();
    private final AtomicReference<ConnectionAlertSettings> setting =
            new AtomicReference<>(ConnectionAlertSettings.NEVER.withAfterMinutes(5));
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();

    private long now() {
        return System.currentTimeMillis() + clockOffset.get();
    }

    @BeforeEach
    void start() throws Exception {
        desktop = DesktopSession.start(false);
        server = NtfyTestServer.start();
        db = Database.open(dir.resolve("store"));
        SubscriptionStore subs = new SubscriptionStore(db);
        H2MessageStore messages = new H2MessageStore(db);
        Subscription sub = subs.add(Subscription.of(server.baseUrl(), "lights").withInitialFetchDone(true));
        OkHttpClient client = HttpClients.streaming();
        Settings settings = Settings.defaults();
        notifier =
                new RecordingNotifier(DbusNotifier.connect(desktop.busAddress()).orElseThrow());
        service = NotificationService.create(
                notifier,
                DesktopActions.standard(
                        HttpClients.requests(client),
                        dir.resolve("cache"),
                        Keychains.sessionOnly("test"),
                        () -> settings),
                messages,
                id -> id == sub.id() ? sub : null,
                () -> settings);
        // Moving the clock on stands for awake time passing, so the monotonic clock moves with it.
        alert = new ConnectionAlert(
                service,
                setting::get,
                setting::updateAndGet,
                this::now,
                () -> System.nanoTime() + clockOffset.get() * 1_000_000,
                () -> true);
        engine = new ConnectionEngine(
                client,
                subs,
                messages,
                Keychains.sessionOnly("test"),
                EngineConfig.defaults().withRetry(Duration.ofMillis(100), Duration.ofMillis(500)),
                service,
                new EngineListener() {
                    @Override
                    public void onConnectionState(ConnectionState.Report report) {
                        states.add(report.state());
                        alert.onReport(report);
                    }
                });
        engine.start(settings).get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        Await.until("the stream", () -> server.openStreams() == 1);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {engine, service, db, server, desktop}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private List<String> shown() throws Exception {
        Path log = desktop.notificationLog();
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private int displayed() throws Exception {
        return Integer.parseInt(desktop.run("dunstctl", "count", "displayed").strip());
    }

    @Test
    void anOutageLongerThanTheSettingAlertsSnoozesAndClearsWhenTheServerIsBack() throws Exception {
        server.failNext(Integer.MAX_VALUE, 500, null);
        server.dropConnections();
        Await.until(
                "the engine backing off", () -> states.stream().anyMatch(s -> s instanceof ConnectionState.BackingOff));
        checked();
        assertEquals(0, alertsShown(), "not before five minutes");
        assertEquals(List.of(), shown());

        clockOffset.addAndGet(Duration.ofMinutes(6).toMillis());
        alert.check();
        Await.until("the alert in dunst", () -> uncheckedShown().size() == 1);
        String host = server.baseUrl().replace("http://", "");
        assertEquals(
                "ntfybar|Server unreachable|ntfybar has not reached " + host + " for 5 minutes. Messages published"
                        + " meanwhile arrive once the connection is back.|NORMAL",
                shown().get(0));
        checked();
        assertEquals(1, alertsShown(), "shown once, not on every check");
        assertEquals(1, shown().size());

        choose("action-0");
        Await.until("the snooze saved", () -> setting.get().snoozedUntil() > 0);
        long snoozeEnds = setting.get().snoozedUntil() * 1000;
        assertTrue(Math.abs(snoozeEnds - (now() + Duration.ofHours(1).toMillis())) < 60_000, "an hour from now");
        Await.until("the alert closed", () -> uncheckedDisplayed() == 0);
        checked();
        assertEquals(1, alertsShown(), "nothing while snoozed");
        assertEquals(1, shown().size());

        clockOffset.addAndGet(Duration.ofMinutes(61).toMillis());
        alert.check();
        Await.until("the alert again after the snooze", () -> uncheckedShown().size() == 2);

        server.failNext(0, 500, null);
        Await.until("the alert withdrawn once the server answers", () -> uncheckedDisplayed() == 0);
        assertTrue(states.get(states.size() - 1) instanceof ConnectionState.Connected);
        assertEquals(2, shown().size());
    }

    @Test
    void aClickInDunstAsksTheAppToShowThatServer() throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        alert.onOpen(opened::add);
        outageAlerted();
        choose("default");
        Await.until("the app asked to show the server", () -> !opened.isEmpty());
        assertEquals(List.of(server.baseUrl()), opened);
    }

    @Test
    void turnOffFromTheNotificationSavesNever() throws Exception {
        outageAlerted();

        choose("action-2");
        Await.until("turned off", () -> !setting.get().enabled());
        clockOffset.addAndGet(Duration.ofHours(2).toMillis());
        checked();
        assertEquals(1, alertsShown(), "off means off");
        assertEquals(1, shown().size());
    }

    /** The server answers 500 from now on, and the alert is in dunst once the clock is six minutes on. */
    private void outageAlerted() throws Exception {
        server.failNext(Integer.MAX_VALUE, 500, null);
        server.dropConnections();
        Await.until(
                "the engine backing off", () -> states.stream().anyMatch(s -> s instanceof ConnectionState.BackingOff));
        clockOffset.addAndGet(Duration.ofMinutes(6).toMillis());
        alert.check();
        Await.until("the alert in dunst", () -> uncheckedShown().size() == 1);
    }

    /**
     * Checks as the 30 s timer would, and waits until whatever that check queued on the notification thread has been
     * handed to dunst: the positive sign that an alert it should not have shown would be there now.
     */
    private void checked() throws Exception {
        alert.check();
        service.flush();
    }

    /** How often the alert was handed to dunst (shows and quiet updates). */
    private int alertsShown() {
        return notifier.showing("has not reached").size();
    }

    /** Chooses the action with this key (or "default", a click) of the notification in dunst, as a user would. */
    private void choose(String key) throws Exception {
        Files.writeString(desktop.pickFile(), key);
        desktop.run("dunstctl", "context");
    }

    private List<String> uncheckedShown() {
        try {
            return shown();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int uncheckedDisplayed() {
        try {
            return displayed();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
