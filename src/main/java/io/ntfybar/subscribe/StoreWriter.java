package io.ntfybar.subscribe;

import io.ntfybar.model.Message;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of received events: network threads hand events over, and one thread stores them in batches, then
 * dispatches what was newly stored. Store first, then dispatch: an event reaches the {@link Dispatcher} only after its
 * transaction committed, and only once. Messages that must notify wait in the store's outbox until the dispatcher
 * returned, so that a kill between the two is dispatched again after the restart (with the same notification
 * identity, {@code subscription + sequence id}, so the desktop replaces rather than duplicates it).
 *
 * <p>Threading: {@link #submit} from any thread; the dispatcher runs on the writer thread, in store order.
 */
public final class StoreWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);

    /** Receives what a write changed. Runs on the writer thread: hand slow work (notifications, UI) off. */
    public interface Dispatcher {
        void dispatch(List<StoreUpdate> updates);
    }

    private record Item(long subscriptionId, Message event, boolean dispatch, Runnable done) {}

    private final H2MessageStore store;
    private final Dispatcher dispatcher;
    private final int batchSize;
    private final Runnable onStoreFailure;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param onStoreFailure called (on the writer thread) when a batch could not be stored; the streams should resume
     *     again so that the server replays what was lost
     */
    public StoreWriter(H2MessageStore store, Dispatcher dispatcher, int batchSize, Runnable onStoreFailure) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.batchSize = batchSize;
        this.onStoreFailure = onStoreFailure;
        this.thread = new Thread(this::run, "ntfybar-store-writer");
        this.thread.setDaemon(true);
    }

    /** Dispatches what the outbox still holds from an earlier run, then starts taking events. */
    public void start() {
        List<StoredMessage> pending = store.undispatched();
        if (!pending.isEmpty()) {
            log.info("Dispatching {} stored message(s) the last run did not dispatch", pending.size());
            List<StoreUpdate> updates = new ArrayList<>();
            for (StoredMessage m : pending) {
                updates.add(new StoreUpdate.Added(m, true));
            }
            dispatchAndMark(updates);
        }
        thread.start();
    }

    /** Queues one event of a subscription. @param dispatch false for history that must raise no notification */
    public void submit(long subscriptionId, Message event, boolean dispatch) {
        queue.add(new Item(subscriptionId, event, dispatch, null));
    }

    /** Queues events; {@code done} runs on the writer thread once they are stored and dispatched. */
    public void submit(long subscriptionId, List<Message> events, boolean dispatch, Runnable done) {
        for (int i = 0; i < events.size(); i++) {
            queue.add(new Item(subscriptionId, events.get(i), dispatch, i == events.size() - 1 ? done : null));
        }
        if (events.isEmpty() && done != null) {
            queue.add(new Item(subscriptionId, null, dispatch, done));
        }
    }

    /** Waits until everything submitted before this call is stored and dispatched. */
    public void flush() throws InterruptedException {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        queue.add(new Item(0, null, false, latch::countDown));
        latch.await();
    }

    /**
     * Stops after what is queued. Never interrupts the writer: an interrupt during H2 file I/O closes its channel and
     * fails the store (seen in the benchmark), so a sentinel item ends the loop instead.
     */
    @Override
    public void close() {
        closed = true;
        queue.add(new Item(0, null, false, null));
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Item> batch = new ArrayList<>(batchSize);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, batchSize - 1);
            write(batch);
            batch.clear();
            if (closed && queue.isEmpty()) {
                return;
            }
        }
    }

    private void write(List<Item> batch) {
        // One transaction per (subscription, dispatch) group; order within a subscription is kept.
        Map<List<Object>, List<Message>> groups = new LinkedHashMap<>();
        List<Runnable> done = new ArrayList<>();
        for (Item item : batch) {
            if (item.event() != null) {
                groups.computeIfAbsent(List.of(item.subscriptionId(), item.dispatch()), k -> new ArrayList<>())
                        .add(item.event());
            }
            if (item.done() != null) {
                done.add(item.done());
            }
        }
        List<StoreUpdate> updates = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Message>> g : groups.entrySet()) {
            long subscriptionId = (Long) g.getKey().get(0);
            boolean dispatch = (Boolean) g.getKey().get(1);
            try {
                updates.addAll(store.store(subscriptionId, g.getValue(), dispatch));
            } catch (RuntimeException e) {
                log.error(
                        "Could not store {} event(s) of subscription {}: {}",
                        g.getValue().size(),
                        subscriptionId,
                        e.getMessage());
                onStoreFailure.run();
            }
        }
        if (!updates.isEmpty()) {
            dispatchAndMark(updates);
        }
        done.forEach(Runnable::run);
    }

    private void dispatchAndMark(List<StoreUpdate> updates) {
        try {
            dispatcher.dispatch(updates);
        } catch (RuntimeException e) {
            log.error("Dispatching {} update(s) failed; they stay in the store", updates.size(), e);
        }
        List<Long> outbox = new ArrayList<>();
        for (StoreUpdate u : updates) {
            if (u instanceof StoreUpdate.Added a && a.dispatch()) {
                outbox.add(a.stored().rowId());
            }
        }
        if (!outbox.isEmpty()) {
            try {
                store.markDispatched(outbox);
            } catch (RuntimeException e) {
                log.error("Could not mark {} message(s) dispatched; they may be dispatched again", outbox.size(), e);
            }
        }
    }
}
