package io.ntfybar.notify.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Callback;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.ntfybar.notify.Notifier;
import io.ntfybar.testsupport.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * On a real Mac only (the macOS workflow, macos-14 arm64): the signature table the recording fake enforces is checked
 * against Apple's runtime, and the production runtime is exercised with objc_msgSend. Nothing here sends
 * {@code currentNotificationCenter}: under {@code mvn} the process is not an app bundle.
 */
@EnabledOnOs(
        value = OS.MAC,
        disabledReason = "Apple's Objective-C runtime exists only on macOS; runs in .github/workflows/macos.yml")
class AppleRuntimeTest {
    private static final List<Object> KEEP = new CopyOnWriteArrayList<>();
    private static AppleObjcRuntime rt;

    @BeforeAll
    static void load() {
        rt = new AppleObjcRuntime();
        assertTrue(rt.loadFramework(MacNotifier.FOUNDATION_FRAMEWORK));
        assertTrue(rt.loadFramework(MacNotifier.UN_FRAMEWORK));
    }

    private static Function fn(String name) {
        return NativeLibrary.getInstance("objc").getFunction(name);
    }

    @Test
    void everySelectorInTheTableExistsWithTheTypesTheTableDeclares() {
        List<String> problems = new ArrayList<>();
        for (Signatures.Sig sig : Signatures.TABLE.values()) {
            Pointer cls = rt.getClass(sig.cls());
            if (cls == null) {
                problems.add("no class " + sig.cls());
                continue;
            }
            Pointer method = fn(sig.classMethod() ? "class_getClassMethod" : "class_getInstanceMethod")
                    .invokePointer(new Object[] {cls, rt.selector(sig.selector())});
            String name = (sig.classMethod() ? "+" : "-") + sig.cls() + " " + sig.selector();
            if (method == null) {
                problems.add(name + ": no such method");
                continue;
            }
            String encoding = fn("method_getTypeEncoding")
                    .invokePointer(new Object[] {method})
                    .getString(0, "US-ASCII");
            String real = Signatures.normalize(encoding);
            String table = sig.ret() + sig.args();
            if (!Signatures.widthClass(real).equals(Signatures.widthClass(table))) {
                problems.add(name + ": runtime " + encoding + " (" + real + "), table " + table);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** {@code struct objc_method_description}, returned by value. */
    @Structure.FieldOrder({"name", "types"})
    public static class MethodDescription extends Structure implements Structure.ByValue {
        public Pointer name;
        public Pointer types;
    }

    @Test
    void theDelegateMethodTypesMatchTheProtocol() {
        Pointer protocol = rt.getProtocol(DelegateClass.PROTOCOL);
        assertNotNull(protocol, "UserNotifications.framework defines the protocol");
        for (String selector : List.of(DelegateClass.WILL_PRESENT, DelegateClass.DID_RECEIVE)) {
            MethodDescription d = (MethodDescription) fn("protocol_getMethodDescription")
                    .invoke(MethodDescription.class, new Object[] {protocol, rt.selector(selector), (byte) 0, (byte) 1
                    });
            assertNotNull(d.types, selector + " is an optional instance method of the protocol");
            assertEquals(
                    Signatures.normalize(DelegateClass.METHOD_TYPES),
                    Signatures.normalize(d.types.getString(0, "US-ASCII")),
                    selector);
        }
    }

    @Test
    void nsStringRoundTripAndBoolReturnsThroughObjcMsgSend() {
        Foundation ns = new Foundation(rt);
        ns.inPool(() -> {
            String text = "Disk \"full\" 🔥 ü \\ done";
            Pointer s = ns.string(text);
            assertEquals(text, ns.javaString(s));
            assertTrue(ns.bool(s, "respondsToSelector:", ns.sel("UTF8String")));
            assertFalse(ns.bool(s, "respondsToSelector:", ns.sel("noSuchSelectorForNtfybar:")));
            Pointer array = ns.array(List.of(s, ns.string("b")));
            assertNotNull(array);
            Pointer dict = ns.stringDictionary(Map.of("identity", "x"));
            assertNotNull(dict);
        });
    }

    public interface MarshalMethod extends Callback {
        byte invoke(Pointer self, Pointer cmd, Pointer object, long options, byte flag, double scale);
    }

    @Test
    void aRuntimeCreatedMethodReceivesArm64ArgumentsCorrectly() {
        List<Object> got = new CopyOnWriteArrayList<>();
        MarshalMethod m = (self, cmd, object, options, flag, scale) -> {
            got.addAll(List.of(object, options, flag, scale));
            return 1;
        };
        KEEP.add(m);
        Pointer cls = rt.allocateClassPair(rt.getClass("NSObject"), "NtfybarMarshalProbeMac", 0L);
        assertNotNull(cls);
        Pointer sel = rt.selector("check:options:flag:scale:");
        assertTrue(rt.addMethod(cls, sel, m, "B@:@QBd"));
        rt.registerClassPair(cls);
        Pointer instance = rt.sendPointer(cls, rt.selector("new"));
        Memory object = new Memory(8);
        assertEquals(1, rt.sendByte(instance, sel, object, 7L, (byte) 1, 1.5d));
        assertEquals(List.of(object, 7L, (byte) 1, 1.5d), got);
    }

    @Test
    void aGlobalBlockIsNotCopiedByApplesBlocksRuntime() {
        List<Object> got = new CopyOnWriteArrayList<>();
        GlobalBlock b = GlobalBlock.create(
                rt, "v@?B@", (GlobalBlock.BoolErrorCallback) (self, granted, error) -> got.add(granted));
        Pointer copy = NativeLibrary.getInstance("System")
                .getFunction("_Block_copy")
                .invokePointer(new Object[] {b.pointer()});
        assertEquals(b.pointer(), copy);
        Function.getFunction(copy.getPointer(16)).invokeVoid(new Object[] {copy, (byte) 1, null});
        assertEquals(List.of((byte) 1), got);
    }

    @Test
    void underMavenTheBundleGuardSaysNotBundledWithoutCrashing() throws Exception {
        MacNotifier n = MacNotifier.create();
        try {
            Notifier.Availability a = n.availability();
            assertFalse(a.usable());
            assertTrue(a.reason().contains("ntfybar.app"), a.reason());
            assertEquals(
                    a,
                    n.authorization().toCompletableFuture().get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS));
            n.show(null);
            n.withdraw("x");
        } finally {
            n.close();
        }
    }
}
