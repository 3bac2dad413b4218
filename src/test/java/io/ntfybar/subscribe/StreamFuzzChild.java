package io.ntfybar.subscribe;

import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.testsupport.GeneratedBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The fuzz test's child, run with a small heap: for each seed it feeds a stream connection and a poll the same
 * seeded sequence of hostile inputs (the ones about size nearly as large as the heap), followed by one good message, and prints {@code seed N sse ok} / {@code seed N poll ok} once that message arrived. Ends with
 * {@code fuzz done}; any error that escapes to a thread is printed and ends the process with 3. Args: seeds.
 */
public final class StreamFuzzChild {
    private static final long MB = 1024 * 1024;

    private StreamFuzzChild() {}

    public static void main(String[] args) throws Exception {
        // Fail fast and say why, rather than wait for a stream that died with its thread.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.out.println("uncaught on " + t.getName() + ": " + e);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        });
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuzz-scheduler");
            t.setDaemon(true);
            return t;
        });
        for (String arg : args) {
            long seed = Long.parseLong(arg);
            String good = "good message " + seed;
            sse(seed, good, scheduler);
            System.out.println("seed " + seed + " sse ok");
            poll(seed, good);
            System.out.println("seed " + seed + " poll ok");
        }
        System.out.println("fuzz done");
        System.exit(0);
    }

    private static String message(String text) {
        return "{\"id\":\"goodmessage1\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"message\":\"" + text
                + "\"}";
    }

    private static void sse(long seed, String good, ScheduledExecutorService scheduler) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // Later connections (the stream ends after the good message) get an empty stream.
        GeneratedBody hostile = hostile(seed).text("\n\ndata: " + message(good) + "\n\n");
        CompletableFuture<String> arrived = new CompletableFuture<>();
        StreamConnection stream = new StreamConnection(
                GeneratedBody.client(() -> calls.incrementAndGet() == 1 ? hostile : new GeneratedBody()),
                scheduler,
                ConnectionKey.anonymous(ServerUrl.of("http://example.invalid")),
                List.of("t"),
                SubscribeQuery.live(),
                null,
                EngineConfig.defaults().withRetry(Duration.ofMillis(100), Duration.ofSeconds(1)),
                null,
                new StreamConnection.Handler() {
                    @Override
                    public String since() {
                        return null;
                    }

                    @Override
                    public void onEvent(Message event) {
                        if (event.eventType() == Event.MESSAGE && good.equals(event.message())) {
                            arrived.complete(event.message());
                        }
                    }

                    @Override
                    public void onState(ConnectionState state) {}

                    @Override
                    public void onRejected(NtfyError error) {}
                });
        stream.start();
        try {
            arrived.get(90, TimeUnit.SECONDS);
        } finally {
            stream.close();
        }
    }

    private static void poll(long seed, String good) throws Exception {
        GeneratedBody hostile = hostile(seed).text("\n\n" + message(good) + "\n");
        List<Message> got = new Poller(GeneratedBody.client(() -> hostile))
                .poll(
                        ConnectionKey.anonymous(ServerUrl.of("http://example.invalid")),
                        null,
                        List.of("t"),
                        SubscribeQuery.live());
        if (got.stream().noneMatch(m -> good.equals(m.message()))) {
            throw new AssertionError("the good message was not polled; got " + got.size() + " events");
        }
    }

    /**
     * The hostile part of a stream: every kind once, in a seeded order, with seeded sizes. The two kinds that grew a reader
     * without bound (one long line, many data lines of one event) are each nearly the child's whole heap.
     */
    static GeneratedBody hostile(long seed) {
        Random random = new Random(seed);
        List<Consumer<GeneratedBody>> kinds = new ArrayList<>();
        long lineLength = (48 + random.nextInt(16)) * MB;
        kinds.add(b -> b.text("data: ").repeat("x", lineLength).text("\n\n"));
        int dataLines = 48 + random.nextInt(16);
        kinds.add(b -> {
            for (int i = 0; i < dataLines; i++) {
                b.text("data: ").repeat("y", MB).text("\n");
            }
            b.text("\n");
        });
        byte[] noise = new byte[64 * 1024];
        random.nextBytes(noise);
        long noiseLength = (1 + random.nextInt(4)) * noise.length;
        kinds.add(b -> b.repeat(noise, noiseLength).text("\n\n"));
        byte[] noNewline = noise.clone();
        for (int i = 0; i < noNewline.length; i++) {
            if (noNewline[i] == '\n') {
                noNewline[i] = '\r';
            }
        }
        long noNewlineLength = (1 + random.nextInt(8)) * MB;
        kinds.add(b -> b.text("data: ").repeat(noNewline, noNewlineLength).text("\n\n"));
        byte[] invalidUtf8 = new byte[1 + random.nextInt(4096)];
        for (int i = 0; i < invalidUtf8.length; i++) {
            invalidUtf8[i] = (byte) (0x80 + random.nextInt(0x80));
        }
        kinds.add(b -> b.text(
                        "data: {\"id\":\"abcdefghijkl\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"message\":\"")
                .bytes(invalidUtf8)
                .text("\"}\n\n"));
        long digits = 1000 + random.nextInt((int) MB);
        kinds.add(b -> b.text("data: {\"id\":\"abcdefghijkl\",\"time\":")
                .repeat("9", digits)
                .text(",\"event\":\"message\",\"topic\":\"t\",\"message\":\"no\"}\n\n"));
        kinds.add(b -> b.text("data: {\"id\":\"abcdefghijkl\",\"time\":1e" + "9".repeat(400) + "}\n\n"));
        long depth = 1000 + random.nextInt(500_000);
        kinds.add(b -> b.text("data: ").repeat("[", depth).text("\n\n"));
        kinds.add(b -> b.text("data: ").repeat("{\"a\":", depth * 5).text("\n\n"));
        kinds.add(b -> b.repeat(":\n", 2 * (1 + random.nextInt(100_000))).text("\n"));
        kinds.add(b -> b.repeat("\n", 1 + random.nextInt(100_000)));
        Collections.shuffle(kinds, random);
        GeneratedBody body = new GeneratedBody();
        kinds.forEach(k -> k.accept(body));
        return body;
    }
}
