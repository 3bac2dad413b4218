package io.ntfybar.ui;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@link UiThreads} for ViewModel tests in which the test thread plays both the FX thread and the I/O thread, as the
 * app's single-threaded model expects. Background work waits in a queue until the test runs it ({@link #runIo}); FX
 * work posted by the test thread itself runs at once, and FX work posted from any other thread (core events arrive on
 * the store writer and the engine's threads) waits until the test delivers it ({@link #deliverEvents}). So a test
 * decides exactly when a page is read and when core events reach the ViewModel, and no two threads ever touch the
 * ViewModel at once.
 */
public final class TestUiThreads {
    private final Thread owner = Thread.currentThread();
    private final Queue<Runnable> io = new ConcurrentLinkedQueue<>();
    private final Queue<Runnable> fromOtherThreads = new ConcurrentLinkedQueue<>();
    private final UiThreads threads = new UiThreads(io::add, task -> {
        if (Thread.currentThread() == owner) {
            task.run();
        } else {
            fromOtherThreads.add(task);
        }
    });

    public UiThreads threads() {
        return threads;
    }

    /** Runs the queued background work, and what it queues in turn; its results reach the ViewModel at once. */
    public void runIo() {
        check();
        for (Runnable task; (task = io.poll()) != null; ) {
            task.run();
        }
    }

    /** Delivers what other threads posted (core events), in the order they posted it. */
    public void deliverEvents() {
        check();
        for (Runnable task; (task = fromOtherThreads.poll()) != null; ) {
            task.run();
        }
    }

    /** Runs background work and delivers events until neither has anything left. */
    public void settle() {
        while (!io.isEmpty() || !fromOtherThreads.isEmpty()) {
            runIo();
            deliverEvents();
        }
    }

    private void check() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("only the test thread runs the ViewModel's work");
        }
    }
}
