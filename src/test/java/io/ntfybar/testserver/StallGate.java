package io.ntfybar.testserver;

import java.util.function.BooleanSupplier;

/** While closed (stalled), every writer of the server waits before sending a byte. Thread-safe. */
final class StallGate {
    private boolean stalled;
    private int held;

    synchronized void set(boolean value) {
        stalled = value;
        notifyAll();
    }

    synchronized boolean stalled() {
        return stalled;
    }

    /** Returns at once when not stalled, else when un-stalled or when {@code abort} becomes true. */
    synchronized void pass(BooleanSupplier abort) throws InterruptedException {
        if (!stalled) {
            return;
        }
        held++;
        try {
            while (stalled && !abort.getAsBoolean()) {
                wait(50);
            }
        } finally {
            held--;
        }
    }

    /** Writers waiting at the gate now, each with something to send. */
    synchronized int held() {
        return held;
    }
}
