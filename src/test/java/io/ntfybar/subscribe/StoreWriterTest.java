package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.store.SubscriptionStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {
    @TempDir
    Path dir;

    @Test
    void anEventTheStoreRefusesIsSkippedAndTheRestOfItsBatchIsStoredAndDispatched() throws Exception {
        try (Database db = Database.open(dir)) {
            H2MessageStore store = new H2MessageStore(db);
            long sub = new SubscriptionStore(db)
                    .add(Subscription.of("https://ntfy.sh", "alerts"))
                    .id();
            List<String> dispatched = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failures = new AtomicInteger();
            StoreWriter writer = new StoreWriter(
                    store,
                    updates -> updates.forEach(u -> dispatched.add(
                            ((StoreUpdate.Added) u).stored().message().id())),
                    100,
                    failures::incrementAndGet);
            writer.start();
            String tooLong = "x".repeat(500); // the id column holds 64 characters: the insert fails
            writer.submit(
                    sub,
                    List.of(
                            Message.simple("good1good1go", 1, "alerts", null, "one"),
                            Message.simple(tooLong, 2, "alerts", null, "poison"),
                            Message.simple("good2good2go", 3, "alerts", null, "two")),
                    true,
                    null);
            writer.flush();
            writer.close();
            assertEquals(List.of("good1good1go", "good2good2go"), dispatched);
            assertEquals(0, failures.get(), "the store works: no resume storm for one bad event");
            assertTrue(store.undispatched().isEmpty(), "both dispatches were recorded once the writer was idle");
        }
    }

    @Test
    void whenNothingCanBeStoredTheStreamsAreAskedToResume() throws Exception {
        Database db = Database.open(dir);
        H2MessageStore store = new H2MessageStore(db);
        long sub = new SubscriptionStore(db)
                .add(Subscription.of("https://ntfy.sh", "alerts"))
                .id();
        AtomicInteger failures = new AtomicInteger();
        StoreWriter writer = new StoreWriter(store, updates -> {}, 100, failures::incrementAndGet);
        writer.start();
        db.close(); // the store is gone: every write fails
        writer.submit(sub, List.of(Message.simple("lost1lost1lo", 1, "alerts", null, "one")), true, null);
        writer.flush();
        writer.close();
        assertEquals(1, failures.get());
    }
}
