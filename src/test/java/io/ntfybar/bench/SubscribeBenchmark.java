package io.ntfybar.bench;

import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.subscribe.ConnectionEngine;
import io.ntfybar.subscribe.EngineConfig;
import io.ntfybar.subscribe.EngineListener;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Prints the subscription figures of docs/benchmarks.md, each beside its floor measured in the same run: a bare
 * OkHttp reader of the same stream that only parses each line. Not a test; run it as docs/benchmarks.md says.
 */
public final class SubscribeBenchmark {
    private SubscribeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("ntfybar-bench");
        if (args.length > 0 && args[0].equals("memory")) {
            memory(dir.resolve("memory")); // alone in a fresh JVM, so the baseline is not inflated by other runs
            return;
        }
        int latencyCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int catchUpCount = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        System.out.printf(
                "ntfybar subscribe benchmark, Java %s, %d cores%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        latency(dir.resolve("latency"), latencyCount);
        // The first run pays for the JIT compiling H2's write path (an app catching up just after its start); the
        // second one is an app that has been running (catching up after sleep or a network change).
        catchUp(dir.resolve("catchup"), catchUpCount, "first in this JVM");
        catchUp(dir.resolve("catchup-again"), catchUpCount, "again, JIT warm");
        memory(dir.resolve("memory"));
    }

    /** Publish-to-stored (engine: committed and dispatched) against publish-to-read (bare reader), per message. */
    private static void latency(Path dir, int count) throws Exception {
        try (NtfyTestServer server = NtfyTestServer.start();
                Database db = Database.open(dir)) {
            Map<String, Long> published = new ConcurrentHashMap<>();
            long[] engine = new long[count];
            long[] floor = new long[count];
            AtomicInteger engineN = new AtomicInteger();
            AtomicInteger floorN = new AtomicInteger();
            SubscriptionStore subs = new SubscriptionStore(db);
            subs.add(Subscription.of(server.baseUrl(), "bench").withInitialFetchDone(true));
            ConnectionEngine e = engine(server, db, subs, updates -> {
                long now = System.nanoTime();
                for (StoreUpdate u : updates) {
                    if (u instanceof StoreUpdate.Added a && a.dispatch()) {
                        Long t = published.get(a.stored().message().id());
                        int i = engineN.getAndIncrement();
                        if (t != null && i < count) {
                            engine[i] = now - t;
                        }
                    }
                }
            });
            e.start(Settings.defaults()).get();
            BareReader reader = new BareReader(server.baseUrl() + "/bench/sse", m -> {
                long now = System.nanoTime();
                Long t = published.get(m.id());
                int i = floorN.getAndIncrement();
                if (t != null && i < count) {
                    floor[i] = now - t;
                }
            });
            awaitStreams(server, 2);
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                String json = server.publish("bench", "latency " + i);
                published.put(MessageCodec.decodeLine(json).id(), t);
                Thread.sleep(0, 500_000); // ~1,000 to 2,000 messages/s: latency, not throughput
            }
            Await.until(
                    "every message through the engine and the floor",
                    () -> engineN.get() >= count && floorN.get() >= count);
            e.close();
            reader.close();
            System.out.printf("publish-to-stored latency over %,d messages (loopback, paced):%n", count);
            System.out.printf(
                    "  floor (bare OkHttp reader)   p50 %6.2f ms  p99 %6.2f ms%n", pct(floor, 50), pct(floor, 99));
            System.out.printf(
                    "  ntfybar (stored+dispatched)  p50 %6.2f ms  p99 %6.2f ms  (p99 - floor p99 = %.2f ms)%n",
                    pct(engine, 50), pct(engine, 99), pct(engine, 99) - pct(floor, 99));
        }
    }

    /** A cached backlog replayed on connect: engine stores and dispatches; the floor only reads and parses. */
    private static void catchUp(Path dir, int count, String label) throws Exception {
        try (NtfyTestServer server = NtfyTestServer.start();
                Database db = Database.open(dir)) {
            server.publishMany("backlog", count, i -> "cached message number " + i);
            CountDownLatch floorDone = new CountDownLatch(count);
            long f0 = System.nanoTime();
            BareReader reader = new BareReader(server.baseUrl() + "/backlog/sse?since=all", m -> floorDone.countDown());
            floorDone.await(120, TimeUnit.SECONDS);
            double floorSeconds = (System.nanoTime() - f0) / 1e9;
            reader.close();

            SubscriptionStore subs = new SubscriptionStore(db);
            subs.add(Subscription.of(server.baseUrl(), "backlog").withInitialFetchDone(true));
            CountDownLatch done = new CountDownLatch(count);
            ConnectionEngine e = engine(server, db, subs, updates -> {
                for (StoreUpdate u : updates) {
                    if (u instanceof StoreUpdate.Added a && a.dispatch()) {
                        done.countDown();
                    }
                }
            });
            long t0 = System.nanoTime();
            e.start(Settings.defaults()).get();
            done.await(300, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            e.close();
            System.out.printf("catch-up of %,d cached messages on connect (%s):%n", count, label);
            System.out.printf("  floor (bare OkHttp reader)   %,10.0f messages/s%n", count / floorSeconds);
            System.out.printf(
                    "  ntfybar (stored+dispatched)  %,10.0f messages/s%s%n",
                    (count - done.getCount()) / seconds,
                    done.getCount() == 0 ? "" : "  (INCOMPLETE: " + done.getCount() + " missing)");
        }
    }

    /** Resident memory with 1,000 topics connected and 100,000 messages stored, against the same JVM before. */
    private static void memory(Path dir) throws Exception {
        System.gc();
        long baseRss = rssKb();
        long baseHeap = heapKb();
        try (NtfyTestServer server = NtfyTestServer.start();
                Database db = Database.open(dir)) {
            SubscriptionStore subs = new SubscriptionStore(db);
            H2MessageStore messages = new H2MessageStore(db);
            List<Subscription> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                all.add(subs.add(
                        Subscription.of(server.baseUrl(), "memory-topic-" + i).withInitialFetchDone(true)));
            }
            long now = System.currentTimeMillis() / 1000 - 3600;
            for (int i = 0; i < 100_000; i += 1000) {
                List<Message> batch = new ArrayList<>();
                Subscription s = all.get((i / 1000) % all.size());
                for (int j = 0; j < 1000; j++) {
                    batch.add(Message.simple(
                            String.format("m%011d", i + j), now + j, s.topic(), "title", "stored message " + (i + j)));
                }
                messages.store(s.id(), batch, false);
            }
            ConnectionEngine e = engine(server, db, subs, updates -> {});
            e.start(Settings.defaults()).get();
            awaitStreams(server, 1);
            Thread.sleep(2000);
            System.gc();
            long rss = rssKb();
            long heap = heapKb();
            System.out.printf(
                    "memory, 1,000 topics connected (%d streams) and 100,000 messages stored:%n", server.openStreams());
            System.out.printf("  baseline (this JVM before)   RSS %,7d KB  heap used %,7d KB%n", baseRss, baseHeap);
            System.out.printf("  ntfybar engine + store       RSS %,7d KB  heap used %,7d KB%n", rss, heap);
            e.close();
        }
    }

    static ConnectionEngine engine(
            NtfyTestServer server,
            Database db,
            SubscriptionStore subs,
            io.ntfybar.subscribe.StoreWriter.Dispatcher dispatcher) {
        return new ConnectionEngine(
                HttpClients.streaming(),
                subs,
                new H2MessageStore(db),
                Keychains.sessionOnly("benchmark"),
                EngineConfig.defaults(),
                dispatcher,
                new EngineListener() {});
    }

    static double pct(long[] nanos, int p) {
        long[] sorted = Arrays.stream(nanos).filter(v -> v > 0).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    private static long rssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static long heapKb() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / 1024;
    }

    static void awaitStreams(NtfyTestServer server, int n) {
        Await.until(n + " streams open on the test server", () -> server.openStreams() >= n);
    }

    /** The floor: OkHttp reading an SSE stream line by line, parsing each data line, doing nothing else. */
    static final class BareReader implements AutoCloseable {
        private final okhttp3.Call call;

        BareReader(String url, java.util.function.Consumer<Message> onMessage) {
            OkHttpClient client = HttpClients.streaming();
            call = client.newCall(new Request.Builder().url(url).build());
            Thread t = new Thread(
                    () -> {
                        try (Response r = call.execute()) {
                            BufferedSource s = r.body().source();
                            String line;
                            while ((line = s.readUtf8Line()) != null) {
                                if (line.startsWith("data: ")) {
                                    Message m = MessageCodec.decodeLine(line.substring(6));
                                    if ("message".equals(m.event())) {
                                        onMessage.accept(m);
                                    }
                                }
                            }
                        } catch (java.io.IOException ignored) {
                            // closed
                        }
                    },
                    "bare-reader");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() {
            call.cancel();
        }
    }
}
