package io.ntfybar.notify.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The production runtime, class-creation, callback and block code on a real Objective-C runtime: GCC's libobjc4 with
 * the LLVM Blocks runtime, on Linux. Skipped with a reason on a developer machine without them; fails in CI
 * ({@code CI=true}), where .ci/run installs them. Checks marshalling (pointer, NSInteger as long, BOOL as byte,
 * double), dispatch to JNA-callback IMPs, and the block ABI, which Apple's runtime shares; not arm64's calling
 * convention nor anything of Apple's classes (see docs/macos-notifications.md).
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason = "checks against Debian's GNU libobjc4; macOS runs AppleRuntimeTest instead")
class GnuRuntimeTest {
    /** Kept for the JVM's lifetime, as production keeps its callbacks. */
    private static final List<Object> KEEP = new CopyOnWriteArrayList<>();

    private static GnuObjcRuntime rt;

    @BeforeAll
    static void runtime() {
        rt = GnuObjcRuntime.require();
    }

    /** A root class (GNU has no NSObject), made through the production runtime calls. */
    private static Pointer rootClass(String name) {
        Pointer existing = rt.getClass(name);
        if (existing != null) {
            return existing;
        }
        Pointer cls = rt.allocateClassPair(null, name, 0L);
        assertNotNull(cls, "objc_allocateClassPair " + name);
        rt.registerClassPair(cls);
        return cls;
    }

    // ------------------------------------------------------------------ class creation and dispatch

    /** A method taking an object, an NSUInteger, a BOOL and a double, returning BOOL with garbage in the upper bits. */
    public interface MarshalMethod extends Callback {
        int invoke(Pointer self, Pointer cmd, Pointer object, long options, byte flag, double scale);
    }

    public interface LongMethod extends Callback {
        long invoke(Pointer self, Pointer cmd, long n);
    }

    public interface DoubleMethod extends Callback {
        double invoke(Pointer self, Pointer cmd, double x);
    }

    @Test
    void argumentsAndReturnsAreMarshalledWithObjectiveCWidths() {
        List<Object> got = new CopyOnWriteArrayList<>();
        MarshalMethod marshal = (self, cmd, object, options, flag, scale) -> {
            got.addAll(List.of(self, cmd, object, options, flag, scale));
            return 0x7F3A_2C01; // BOOL YES in the low byte, garbage above it, as a C callee may leave it
        };
        LongMethod times6 = (self, cmd, n) -> n * 6;
        DoubleMethod half = (self, cmd, x) -> x / 2;
        KEEP.addAll(List.of(marshal, times6, half));

        Pointer cls = rt.allocateClassPair(null, "NtfybarMarshalProbe", 0L);
        assertNotNull(cls);
        Pointer check = rt.selector("check:options:flag:scale:");
        assertTrue(rt.addMethod(cls, check, marshal, "c@:@QBd"));
        assertTrue(rt.addMethod(cls, rt.selector("times6:"), times6, "q@:q"));
        assertTrue(rt.addMethod(cls, rt.selector("half:"), half, "d@:d"));
        rt.registerClassPair(cls);
        assertEquals(cls, rt.getClass("NtfybarMarshalProbe"));
        assertNull(rt.allocateClassPair(null, "NtfybarMarshalProbe", 0L), "a duplicate name is refused");

        Pointer instance = rt.createInstance(cls);
        Memory object = new Memory(16);
        byte yes = rt.sendByte(instance, check, object, 7L, (byte) 1, 1.5d);

        assertEquals(1, yes, "production reads a BOOL return as a byte");
        assertEquals(List.of(instance, check, object, 7L, (byte) 1, 1.5d), got);
        int asInt = rt.lookup(instance, check).invokeInt(new Object[] {instance, check, object, 7L, (byte) 1, 1.5d});
        assertNotEquals(1, asInt, "reading the same BOOL as an int is wrong: " + Integer.toHexString(asInt));
        assertEquals(1, asInt & 0xFF);

        assertEquals(42L, rt.sendLong(instance, rt.selector("times6:"), 7L));
        assertEquals(1.25d, rt.sendDouble(instance, rt.selector("half:"), 2.5d));
    }

    @Test
    void theProductionDelegateClassDispatchesToItsHandlerThroughObjcMsgLookup() {
        Pointer root = rootClass("NtfybarTestRoot");
        Pointer cls = DelegateClass.define(rt, "NtfybarTestRoot");
        assertNotNull(cls);
        assertEquals(cls, rt.getClass(DelegateClass.CLASS_NAME));
        assertEquals(cls, DelegateClass.define(rt, "NtfybarTestRoot"), "defined once, then reused");
        assertNotEquals(root, cls);

        Pointer self = rt.createInstance(cls);
        List<Object> got = new CopyOnWriteArrayList<>();
        DelegateClass.register(self, new DelegateClass.Handler() {
            @Override
            public void willPresent(Pointer center, Pointer notification, Pointer completionHandler) {
                got.addAll(List.of("willPresent", center, notification, completionHandler));
            }

            @Override
            public void didReceive(Pointer center, Pointer response, Pointer completionHandler) {
                got.addAll(List.of("didReceive", center, response, completionHandler));
            }
        });
        try {
            Memory center = new Memory(8);
            Memory response = new Memory(8);
            Memory block = new Memory(32);
            rt.sendVoid(self, rt.selector(DelegateClass.DID_RECEIVE), center, response, block);
            rt.sendVoid(self, rt.selector(DelegateClass.WILL_PRESENT), center, response, block);
            assertEquals(List.of("didReceive", center, response, block, "willPresent", center, response, block), got);
        } finally {
            DelegateClass.unregister(self);
        }

        // An instance without a handler (after close) still completes: through a real heap copy of a block.
        Pointer orphan = rt.createInstance(cls);
        CapturingBlock heap = CapturingBlock.heapCopy(222L);
        rt.sendVoid(orphan, rt.selector(DelegateClass.DID_RECEIVE), null, null, heap.copy);
        assertEquals(List.of(heap.copy), heap.blocks, "completion called with the heap block as first argument");
        assertEquals(List.of(222L), heap.tags);
        heap.release();
    }

    // ------------------------------------------------------------------ blocks

    @Test
    void theProductionGlobalBlockFollowsTheBlocksAbi() {
        List<Object> got = new CopyOnWriteArrayList<>();
        GlobalBlock block = GlobalBlock.create(rt, "v@?B@", (GlobalBlock.BoolErrorCallback)
                (self, granted, error) -> got.addAll(List.of(self, granted, error == null ? "nil" : error)));
        Pointer p = block.pointer();
        Pointer isaAddress = rt.globalSymbol(GnuObjcRuntime.BLOCKS, "_NSConcreteGlobalBlock");
        assertEquals(isaAddress, p.getPointer(0), "isa is the address of _NSConcreteGlobalBlock, not its contents");
        assertEquals((1 << 28) | (1 << 30), p.getInt(8));
        assertEquals(32L, p.getPointer(24).getLong(8));
        assertEquals("v@?B@", p.getPointer(24).getPointer(16).getString(0, "US-ASCII"));

        Pointer copy = rt.blocksFunction("_Block_copy").invokePointer(new Object[] {p});
        assertEquals(p, copy, "_Block_copy returns a global block unchanged");

        Memory error = new Memory(8);
        Function.getFunction(copy.getPointer(16)).invokeVoid(new Object[] {copy, (byte) 1, error});
        Function.getFunction(p.getPointer(16)).invokeVoid(new Object[] {p, (byte) 0, null});
        assertEquals(List.of(p, (byte) 1, error, p, (byte) 0, "nil"), got);
        rt.blocksFunction("_Block_release").invokeVoid(new Object[] {copy});
    }

    @Test
    void theProductionHelperCallsABlockHandedToUs() {
        CapturingBlock heap = CapturingBlock.heapCopy(4711L);
        assertNotEquals(heap.stack, heap.copy, "a stack block is copied to the heap");
        GlobalBlock.invokeVoid(heap.copy, 26L);
        assertEquals(List.of(heap.copy), heap.blocks);
        assertEquals(List.of(4711L), heap.tags, "the captured variable travelled with the copy");
        assertEquals(List.of(26L), heap.values);
        heap.release();
    }

    /**
     * A block with a captured 8-byte tag, written as a compiler would put it on the stack (isa
     * {@code _NSConcreteStackBlock}), then copied to the heap with {@code _Block_copy}, as macOS does with the
     * completion handlers it gives the delegate. Its invoke function takes one NSUInteger (ignored when not passed).
     */
    static final class CapturingBlock {
        public interface Invoke extends Callback {
            void invoke(Pointer block, long value);
        }

        final List<Pointer> blocks = new CopyOnWriteArrayList<>();
        final List<Long> tags = new CopyOnWriteArrayList<>();
        final List<Long> values = new CopyOnWriteArrayList<>();
        final Memory stack = new Memory(40);
        final Pointer copy;

        private CapturingBlock(long tag) {
            Invoke invoke = (block, value) -> {
                blocks.add(block);
                tags.add(block.getLong(32));
                values.add(value);
            };
            KEEP.add(invoke);
            Memory descriptor = new Memory(24);
            Memory signature = new Memory(8);
            signature.setString(0, "v@?Q", "US-ASCII");
            descriptor.setLong(0, 0);
            descriptor.setLong(8, 40);
            descriptor.setPointer(16, signature);
            KEEP.addAll(List.of(descriptor, signature, stack));
            stack.setPointer(0, rt.globalSymbol(GnuObjcRuntime.BLOCKS, "_NSConcreteStackBlock"));
            stack.setInt(8, 1 << 30);
            stack.setInt(12, 0);
            stack.setPointer(16, CallbackReference.getFunctionPointer(invoke));
            stack.setPointer(24, descriptor);
            stack.setLong(32, tag);
            copy = rt.blocksFunction("_Block_copy").invokePointer(new Object[] {stack});
        }

        static CapturingBlock heapCopy(long tag) {
            CapturingBlock b = new CapturingBlock(tag);
            assertNotNull(b.copy);
            assertTrue(!b.copy.equals(b.stack));
            return b;
        }

        void release() {
            rt.blocksFunction("_Block_release").invokeVoid(new Object[] {copy});
        }
    }

    @Test
    void runtimeLookupsAnswerNullForWhatIsNotThere() {
        assertNull(rt.getClass("NSObject"), "no Apple classes on Linux");
        assertNull(rt.getProtocol(DelegateClass.PROTOCOL));
        assertNull(rt.globalSymbol(GnuObjcRuntime.BLOCKS, "NoSuchSymbol"));
        assertFalse(rt.loadFramework("/System/Library/Frameworks/UserNotifications.framework/UserNotifications"));
    }
}
