package io.ntfybar.bench;

import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Subscription;
import io.ntfybar.notify.DesktopActions;
import io.ntfybar.notify.NotificationListener;
import io.ntfybar.notify.NotificationService;
import io.ntfybar.notify.Notifier;
import io.ntfybar.notify.linux.DbusNotifier;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.render.NotificationSpec;
import io.ntfybar.settings.NotificationSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.subscribe.ConnectionEngine;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publish-to-notifier-call latency (docs/benchmarks.md): from the publish request to the moment the
 * notification service calls {@link Notifier#show}, through engine, store, dispatch policy and renderer, beside the
 * floor of a bare OkHttp reader of the same stream in the same run. With {@code DBUS_SESSION_BUS_ADDRESS} set to a bus
 * with a notification daemon, the show call goes on to that daemon (dunst) and its duration is printed too.
 */
public final class NotifyBenchmark {
    private NotifyBenchmark() {}

    /** Times the call, then hands the spec on to the real notifier (or to none). */
    private static final class TimingNotifier implements Notifier {
        final Map<String, Long> calledAt = new ConcurrentHashMap<>();
        final long[] showNanos;
        final AtomicInteger shows = new AtomicInteger();
        final Notifier next;

        TimingNotifier(Notifier next, int count) {
            this.next = next;
            this.showNanos = new long[count];
        }

        @Override
        public void show(NotificationSpec spec) {
            calledAt.put(spec.identity().substring(spec.identity().indexOf('#') + 1), System.nanoTime());
            if (next != null) {
                long t = System.nanoTime();
                next.show(spec);
                int i = shows.getAndIncrement();
                if (i < showNanos.length) {
                    showNanos[i] = System.nanoTime() - t;
                }
            }
        }

        @Override
        public String name() {
            return next == null ? "timing only" : next.name();
        }

        @Override
        public Capabilities capabilities() {
            return next == null ? new Capabilities(true, true, false, true) : next.capabilities();
        }

        @Override
        public Availability availability() {
            return Availability.OK;
        }

        @Override
        public void withdraw(String identity) {
            if (next != null) {
                next.withdraw(identity);
            }
        }

        @Override
        public void setListener(NotificationListener listener) {
            if (next != null) {
                next.setListener(listener);
            }
        }

        @Override
        public void close() {
            if (next != null) {
                next.close();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = Files.createTempDirectory("ntfybar-notify-bench");
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        Optional<DbusNotifier> dbus = bus == null ? Optional.empty() : DbusNotifier.connect(bus);
        TimingNotifier timing = new TimingNotifier(dbus.orElse(null), count);
        System.out.printf(
                "ntfybar notification benchmark, Java %s, %d cores, notifier: %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), timing.name());
        // Every message is shown on its own: the catch-up summary would otherwise stand in for a paced stream.
        Settings settings = Settings.defaults()
                .withNotifications(new NotificationSettings(0L, Integer.MAX_VALUE, false, Map.of(), "never"));
        try (NtfyTestServer server = NtfyTestServer.start();
                Database db = Database.open(dir)) {
            SubscriptionStore subs = new SubscriptionStore(db);
            Subscription sub =
                    subs.add(Subscription.of(server.baseUrl(), "bench").withInitialFetchDone(true));
            H2MessageStore messages = new H2MessageStore(db);
            NotificationService service = NotificationService.create(
                    timing,
                    DesktopActions.standard(
                            HttpClients.requests(HttpClients.streaming()),
                            dir.resolve("cache"),
                            Keychains.sessionOnly("benchmark"),
                            () -> settings),
                    messages,
                    id -> id == sub.id() ? sub : null,
                    () -> settings);
            Map<String, Long> published = new ConcurrentHashMap<>();
            Map<String, Long> floorAt = new ConcurrentHashMap<>();
            Map<String, Long> storedAt = new ConcurrentHashMap<>();
            ConnectionEngine e = SubscribeBenchmark.engine(server, db, subs, updates -> {
                long now = System.nanoTime();
                for (io.ntfybar.store.StoreUpdate u : updates) {
                    if (u instanceof io.ntfybar.store.StoreUpdate.Added a) {
                        storedAt.put(a.stored().message().id(), now);
                    }
                }
                service.dispatch(updates);
            });
            e.start(settings).get();
            SubscribeBenchmark.BareReader reader = new SubscribeBenchmark.BareReader(
                    server.baseUrl() + "/bench/sse", m -> floorAt.put(m.id(), System.nanoTime()));
            SubscribeBenchmark.awaitStreams(server, 2);
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                String json = server.publish("bench", "notify " + i, Map.of("Title", "Build " + i, "Tags", "rocket"));
                published.put(MessageCodec.decodeLine(json).id(), t);
                Thread.sleep(1); // ~500 to 900 messages/s: latency, not throughput
            }
            Await.until(
                    "every message shown and read by the floor",
                    () -> timing.calledAt.size() >= count && floorAt.size() >= count);
            long[] notified = new long[count];
            long[] stored = new long[count];
            long[] floor = new long[count];
            int i = 0;
            for (Map.Entry<String, Long> p : published.entrySet()) {
                Long n = timing.calledAt.get(p.getKey());
                Long f = floorAt.get(p.getKey());
                if (n != null && f != null && i < count) {
                    notified[i] = n - p.getValue();
                    stored[i] = storedAt.get(p.getKey()) - p.getValue();
                    floor[i++] = f - p.getValue();
                }
            }
            e.close();
            service.close();
            reader.close();
            System.out.printf("publish-to-notifier-call latency over %,d messages (loopback, paced):%n", i);
            System.out.printf(
                    "  floor (bare OkHttp reader)        p50 %6.2f ms  p99 %6.2f ms%n",
                    SubscribeBenchmark.pct(floor, 50), SubscribeBenchmark.pct(floor, 99));
            System.out.printf(
                    "  ntfybar, stored (dispatch called) p50 %6.2f ms  p99 %6.2f ms%n",
                    SubscribeBenchmark.pct(stored, 50), SubscribeBenchmark.pct(stored, 99));
            System.out.printf(
                    "  ntfybar (stored, decided, shown)  p50 %6.2f ms  p99 %6.2f ms  (goal: p99 < 20 ms)%n",
                    SubscribeBenchmark.pct(notified, 50), SubscribeBenchmark.pct(notified, 99));
            if (dbus.isPresent()) {
                System.out.printf(
                        "  the D-Bus Notify call itself      p50 %6.2f ms  p99 %6.2f ms%n",
                        SubscribeBenchmark.pct(timing.showNanos, 50), SubscribeBenchmark.pct(timing.showNanos, 99));
            }
        }
    }
}
