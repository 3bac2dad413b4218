package io.ntfybar.notify.mac;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An Objective-C block literal built by hand in native memory, for completion handlers we pass to macOS. It is a
 * <em>global</em> block: its isa is the address of {@code _NSConcreteGlobalBlock}, so {@code _Block_copy} returns it
 * unchanged and the framework never copies or frees our memory. It captures nothing; context lives in the Java
 * callback object, whose native trampoline is distinct per object.
 *
 * <p>Layout (64-bit Blocks ABI): {@code void *isa} at 0, {@code int32 flags} at 8, {@code int32 reserved} at 12,
 * {@code void *invoke} at 16, {@code descriptor *} at 24. Descriptor: {@code unsigned long reserved} at 0,
 * {@code unsigned long size} at 8, {@code const char *signature} at 16 (present because of
 * {@link #BLOCK_HAS_SIGNATURE}). The invoke function receives the block pointer as its first argument.
 *
 * <p>Every block, its memory and its callback stay strongly reachable for the process lifetime: macOS may call a
 * completion handler at any time, from any thread.
 */
public final class GlobalBlock {
    public static final int BLOCK_IS_GLOBAL = 1 << 28;
    public static final int BLOCK_HAS_SIGNATURE = 1 << 30;
    static final int LITERAL_SIZE = 32;
    static final int INVOKE_OFFSET = 16;

    private static final List<GlobalBlock> KEPT_FOR_PROCESS_LIFETIME = new ArrayList<>();

    private final Memory literal;
    private final Memory descriptor;
    private final Memory signature;
    private final Callback invoke;

    private GlobalBlock(Pointer isa, String signature, Callback invoke) {
        this.invoke = invoke;
        byte[] sig = signature.getBytes(StandardCharsets.US_ASCII);
        this.signature = new Memory(sig.length + 1L);
        this.signature.write(0, sig, 0, sig.length);
        this.signature.setByte(sig.length, (byte) 0);
        this.descriptor = new Memory(3L * Native.POINTER_SIZE);
        descriptor.setLong(0, 0L);
        descriptor.setLong(8, LITERAL_SIZE);
        descriptor.setPointer(16, this.signature);
        this.literal = new Memory(LITERAL_SIZE);
        literal.setPointer(0, isa);
        literal.setInt(8, BLOCK_IS_GLOBAL | BLOCK_HAS_SIGNATURE);
        literal.setInt(12, 0);
        literal.setPointer(INVOKE_OFFSET, CallbackReference.getFunctionPointer(invoke));
        literal.setPointer(24, descriptor);
    }

    /**
     * A global block whose invoke function is {@code invoke} (first parameter: the block pointer, then the block's own
     * arguments) and whose type signature is {@code signature}, for example {@code "v@?B@"} for
     * {@code void (^)(BOOL, NSError *)}.
     *
     * @throws IllegalStateException when the runtime has no {@code _NSConcreteGlobalBlock}
     */
    public static GlobalBlock create(ObjcRuntime runtime, String signature, Callback invoke) {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(invoke, "invoke");
        Pointer isa = runtime.globalSymbol(runtime.blocksLibrary(), "_NSConcreteGlobalBlock");
        if (isa == null) {
            throw new IllegalStateException("no _NSConcreteGlobalBlock in " + runtime.blocksLibrary());
        }
        GlobalBlock block = new GlobalBlock(isa, signature, invoke);
        synchronized (KEPT_FOR_PROCESS_LIFETIME) {
            KEPT_FOR_PROCESS_LIFETIME.add(block);
        }
        return block;
    }

    /** The block, to pass as a message argument. */
    public Pointer pointer() {
        return literal;
    }

    public Callback callback() {
        return invoke;
    }

    /**
     * Calls a block that macOS handed to us (a completion handler): reads its invoke function at offset 16 and calls it
     * with the block itself as the first argument, then {@code args} (same argument types as a message send).
     *
     * @throws IllegalArgumentException when {@code block} is null or has no invoke function
     */
    public static void invokeVoid(Pointer block, Object... args) {
        if (block == null) {
            throw new IllegalArgumentException("null block");
        }
        Pointer fn = block.getPointer(INVOKE_OFFSET);
        if (fn == null) {
            throw new IllegalArgumentException("block has no invoke function");
        }
        Object[] all = new Object[args.length + 1];
        all[0] = block;
        Object[] checked = JnaObjcRuntime.arguments(null, null, args);
        System.arraycopy(checked, 2, all, 1, args.length);
        Function.getFunction(fn).invokeVoid(all);
    }

    /** Invoke function of {@code void (^)(BOOL granted, NSError *error)}. */
    public interface BoolErrorCallback extends Callback {
        void invoke(Pointer block, byte granted, Pointer error);
    }

    /** Invoke function of {@code void (^)(NSError *error)}. */
    public interface ErrorCallback extends Callback {
        void invoke(Pointer block, Pointer error);
    }
}
