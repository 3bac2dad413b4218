package io.ntfybar.notify.mac;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A block literal written by the test itself (not by production code), standing for a completion handler that macOS
 * hands to the delegate. Records each invocation's arguments.
 */
final class TestBlock {
    /** {@code void (^)(void)}. */
    interface NoArgs extends Callback {
        void invoke(Pointer block);
    }

    /** {@code void (^)(NSUInteger)}. */
    interface LongArg extends Callback {
        void invoke(Pointer block, long value);
    }

    final List<Object> calls = new CopyOnWriteArrayList<>();
    final Memory literal = new Memory(32);
    private final Memory descriptor = new Memory(16);
    private final Callback callback;

    private TestBlock(Pointer isa, int flags, Callback callback) {
        this.callback = callback;
        descriptor.setLong(0, 0);
        descriptor.setLong(8, 32);
        literal.setPointer(0, isa);
        literal.setInt(8, flags);
        literal.setInt(12, 0);
        literal.setPointer(16, CallbackReference.getFunctionPointer(callback));
        literal.setPointer(24, descriptor);
    }

    /** A completion handler with no arguments; {@code calls} receives the block pointer each time. */
    static TestBlock noArgs(Pointer isa, int flags) {
        TestBlock[] self = new TestBlock[1];
        self[0] = new TestBlock(isa, flags, (NoArgs) block -> self[0].calls.add(block));
        return self[0];
    }

    /** A completion handler taking an NSUInteger; {@code calls} receives the value. */
    static TestBlock longArg(Pointer isa) {
        TestBlock[] self = new TestBlock[1];
        self[0] = new TestBlock(isa, 0, (LongArg) (block, value) -> self[0].calls.add(value));
        return self[0];
    }

    Pointer pointer() {
        return literal;
    }

    Callback callback() {
        return callback;
    }
}
