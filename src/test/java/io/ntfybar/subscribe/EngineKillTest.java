package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client killed with SIGKILL during a burst of 10,000 messages loses none and shows none twice. */
class EngineKillTest {
    private static final int BURST = 10_000;

    @TempDir
    Path dir;

    @Test
    void killDuringABurstThenRestartStoresEveryMessageOnceAndDispatchesEach() throws Exception {
        Path store = dir.resolve("store");
        Path log = dir.resolve("dispatched.log");
        try (NtfyTestServer server = NtfyTestServer.start()) {
            Process first = startClient(store, log, server);
            Thread burst = new Thread(() -> server.publishMany("burst", BURST, i -> "message " + i));
            burst.start();
            Await.value("some dispatches before the kill", () -> lines(log), n -> n > 500);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close, mid-batch
            assertTrue(first.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS), "the killed client ended");
            int atKill = lines(log);
            burst.join();
            assertTrue(atKill < BURST, "the kill came during the burst (" + atKill + " dispatched)");

            Process second = startClient(store, log, server);
            try {
                // Ten thousand messages through a fresh JVM: more than the usual deadline on a loaded machine.
                Await.value(
                        "every message dispatched after the restart",
                        Duration.ofMinutes(5),
                        () -> distinctIds(log).size(),
                        n -> n >= BURST);
            } finally {
                second.destroyForcibly();
                second.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
            try (Database db = Database.open(store)) {
                long subId = new SubscriptionStore(db).all().get(0).id();
                List<StoredMessage> rows = new H2MessageStore(db).page(subId, null, BURST * 2);
                Set<String> ids = new HashSet<>();
                rows.forEach(r -> ids.add(r.message().id()));
                assertEquals(BURST, rows.size(), "each message stored exactly once");
                assertEquals(BURST, ids.size());
                assertEquals(ids, distinctIds(log), "every stored message was dispatched");
            }
            // A second dispatch is allowed only for a kill between a dispatch and its record, and it must carry the
            // same notification identity, so the desktop replaces the notification.
            Map<String, Set<String>> identities = new HashMap<>();
            for (String line : Files.readAllLines(log)) {
                String[] parts = line.split(" ");
                identities.computeIfAbsent(parts[1], k -> new HashSet<>()).add(parts[0]);
            }
            long twice = Files.readAllLines(log).size() - identities.size();
            assertTrue(twice <= 1000, "at most one batch dispatched again, not " + twice);
            identities.forEach((id, keys) -> assertEquals(1, keys.size(), id + " had identities " + keys));
        }
    }

    private static Process startClient(Path store, Path log, NtfyTestServer server) throws Exception {
        Process p = ChildJvm.start(
                EngineChildProcess.class,
                Map.of(),
                List.of("-Dntfybar.logdir=" + store.resolveSibling("logs")),
                store.toString(),
                log.toString(),
                server.baseUrl(),
                "burst");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertEquals("started", line, "the client did not start");
        return p;
    }

    private static int lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log).size() : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static Set<String> distinctIds(Path log) {
        Set<String> ids = new HashSet<>();
        try {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    ids.add(line.split(" ")[1]);
                }
            }
        } catch (java.io.IOException e) {
            // read again on the next poll
        }
        return ids;
    }
}
