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
 * identity, {@code subscription + sequence id}, so the desktop replaces rather than duplicates it). Under load that
 * record rides in the next batch's transaction: one commit per batch instead of two.
 *
 * <p>Threading: {@link #submit} from any thread; the dispatcher runs on the writer thread, in store order.
 */
public final class StoreWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
    /**
     * How long a dispatch may stay unrecorded while no new event comes to carry the record in its commit. Live
     * messages one at a time then cost one commit each instead of two; a kill inside this window only repeats
     * dispatches, with the same notification identity.
     */
    private static final long IDLE_MARK_MILLIS = 500;

    /** Receives what a write changed. Runs on the writer thread: hand slow work (notifications, UI) off. */
    public interface Dispatcher {
        void dispatch(List<StoreUpdate> updates);
    }

    private record Item(long subscriptionId, Message event, boolean dispatch, long serverClock, Runnable done) {}

    private final H2MessageStore store;
    private final Dispatcher dispatcher;
    private final int batchSize;
    private final Runnable onStoreFailure;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    /**
     * The last row handed to the dispatcher and not yet recorded as such (0: none): recorded with the next write, or
     * when idle. Rows are dispatched in row order, so one number records them all.
     */
    private long dispatchedThrough;

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
            dispatch(updates);
            markDispatchedNow();
        }
        thread.start();
    }

    /** Queues one event of a subscription. @param dispatch false for history that must raise no notification */
    public void submit(long subscriptionId, Message event, boolean dispatch) {
        submit(subscriptionId, event, dispatch, H2MessageStore.LOCAL_CLOCK);
    }

    /**
     * Queues one event of a stream, with the server's clock when it arrived (unix seconds, from the stream's latest
     * open or keepalive; {@link H2MessageStore#LOCAL_CLOCK} when none yet), which caps the resume point it sets.
     */
    public void submit(long subscriptionId, Message event, boolean dispatch, long serverClock) {
        queue.add(new Item(subscriptionId, event, dispatch, serverClock, null));
    }

    /** Queues events; {@code done} runs on the writer thread once they are stored and dispatched. */
    public void submit(long subscriptionId, List<Message> events, boolean dispatch, Runnable done) {
        for (int i = 0; i < events.size(); i++) {
            queue.add(new Item(
                    subscriptionId,
                    events.get(i),
                    dispatch,
                    H2MessageStore.LOCAL_CLOCK,
                    i == events.size() - 1 ? done : null));
        }
        if (events.isEmpty() && done != null) {
            queue.add(new Item(subscriptionId, null, dispatch, H2MessageStore.LOCAL_CLOCK, done));
        }
    }

    /** Waits until everything submitted before this call is stored and dispatched. */
    public void flush() throws InterruptedException {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        queue.add(new Item(0, null, false, H2MessageStore.LOCAL_CLOCK, latch::countDown));
        latch.await();
    }

    /**
     * Stops after what is queued. Never interrupts the writer: an interrupt during H2 file I/O closes its channel and
     * fails the store (seen in the benchmark), so a sentinel item ends the loop instead.
     */
    @Override
    public void close() {
        closed = true;
        queue.add(new Item(0, null, false, H2MessageStore.LOCAL_CLOCK, null));
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
                Item first =
                        dispatchedThrough == 0 ? queue.take() : queue.poll(IDLE_MARK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    markDispatchedNow(); // idle: record the last dispatches rather than wait for a next write
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, batchSize - 1);
            write(batch);
            batch.clear();
            if (closed && queue.isEmpty()) {
                markDispatchedNow();
                return;
            }
        }
    }

    private void write(List<Item> batch) {
        // One transaction per batch; events are grouped per (subscription, dispatch, server clock), order within a
        // group kept. The clock changes only with a keepalive, so a batch rarely holds more than one per stream.
        Map<List<Object>, List<Message>> groups = new LinkedHashMap<>();
        List<Runnable> done = new ArrayList<>();
        for (Item item : batch) {
            if (item.event() != null) {
                groups.computeIfAbsent(
                                List.of(item.subscriptionId(), item.dispatch(), item.serverClock()),
                                k -> new ArrayList<>())
                        .add(item.event());
            }
            if (item.done() != null) {
                done.add(item.done());
            }
        }
        List<H2MessageStore.Write> writes = new ArrayList<>();
        groups.forEach((k, events) ->
                writes.add(new H2MessageStore.Write((Long) k.get(0), events, (Boolean) k.get(1), (Long) k.get(2))));
        if (!writes.isEmpty()) {
            List<StoreUpdate> updates = storeAll(writes);
            if (!updates.isEmpty()) {
                dispatch(updates);
            }
        }
        if (!done.isEmpty()) {
            markDispatchedNow(); // someone waits for this batch (flush, history): leave nothing pending
        }
        done.forEach(Runnable::run);
    }

    /**
     * Stores a batch, recording the previous batch's dispatch in the same commit. When the batch fails, each event is
     * stored alone so that one event the store refuses cannot hold back the rest: it is logged and skipped. Only when
     * nothing could be stored is the store itself in trouble, and the streams resume to replay what was lost.
     */
    private List<StoreUpdate> storeAll(List<H2MessageStore.Write> writes) {
        try {
            List<StoreUpdate> updates = store.store(writes, dispatchedThrough);
            dispatchedThrough = 0;
            return updates;
        } catch (RuntimeException e) {
            log.warn("Could not store a batch ({}); storing its events one by one", e.getMessage());
        }
        List<StoreUpdate> updates = new ArrayList<>();
        int stored = 0;
        int failed = 0;
        for (H2MessageStore.Write w : writes) {
            for (Message m : w.events()) {
                try {
                    updates.addAll(store.store(w.subscriptionId(), List.of(m), w.dispatch(), w.serverClock()));
                    stored++;
                } catch (RuntimeException e) {
                    failed++;
                    log.error(
                            "Could not store event {} of subscription {}; skipped: {}",
                            m.id().length() > 40 ? m.id().substring(0, 40) + "..." : m.id(),
                            w.subscriptionId(),
                            e.getMessage());
                }
            }
        }
        if (failed > 0 && stored == 0) {
            onStoreFailure.run();
        }
        return updates;
    }

    private void dispatch(List<StoreUpdate> updates) {
        try {
            dispatcher.dispatch(updates);
        } catch (RuntimeException e) {
            log.error("Dispatching {} update(s) failed; they stay in the store", updates.size(), e);
        }
        for (StoreUpdate u : updates) {
            if (u instanceof StoreUpdate.Added a && a.dispatch()) {
                dispatchedThrough = Math.max(dispatchedThrough, a.stored().rowId());
            }
        }
    }

    private void markDispatchedNow() {
        if (dispatchedThrough == 0) {
            return;
        }
        try {
            store.markDispatchedThrough(dispatchedThrough);
            dispatchedThrough = 0;
        } catch (RuntimeException e) {
            log.error("Could not record dispatches through row {}; they may be dispatched again", dispatchedThrough, e);
        }
    }
}
