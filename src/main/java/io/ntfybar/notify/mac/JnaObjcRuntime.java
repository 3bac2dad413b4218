package io.ntfybar.notify.mac;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Objects;

/**
 * {@link ObjcRuntime} over JNA. Everything except how a message is dispatched is shared between Apple's runtime
 * ({@link AppleObjcRuntime}: one {@code objc_msgSend} trampoline) and GCC's GNU runtime, which has no
 * {@code objc_msgSend} and dispatches with {@code IMP imp = objc_msg_lookup(receiver, sel)} (used by the Linux tests).
 * So class creation, callbacks and blocks are the same code on both.
 *
 * <p>Every call goes through {@code Function.invokeXxx(Object[])}: JNA then passes the arguments as a fixed, non-variadic
 * call, which is what an Objective-C method expects (a varargs {@code Library} method would put them on the stack on
 * arm64).
 */
abstract class JnaObjcRuntime implements ObjcRuntime {
    private final NativeLibrary objc;
    private final String blocksLibrary;

    protected JnaObjcRuntime(String objcLibrary, String blocksLibrary) {
        this.objc = NativeLibrary.getInstance(objcLibrary);
        this.blocksLibrary = Objects.requireNonNull(blocksLibrary);
    }

    /** The function to call with {@code (receiver, selector, args...)} for this message: the only difference. */
    protected abstract Function dispatch(Pointer receiver, Pointer selector);

    /** A function of the Objective-C runtime library. */
    protected final Function runtimeFunction(String name) {
        return objc.getFunction(name);
    }

    @Override
    public Pointer getClass(String name) {
        return runtimeFunction("objc_getClass").invokePointer(new Object[] {name});
    }

    @Override
    public Pointer selector(String name) {
        return runtimeFunction("sel_registerName").invokePointer(new Object[] {name});
    }

    @Override
    public Pointer sendPointer(Pointer receiver, Pointer selector, Object... args) {
        return dispatch(receiver, selector).invokePointer(arguments(receiver, selector, args));
    }

    @Override
    public long sendLong(Pointer receiver, Pointer selector, Object... args) {
        return dispatch(receiver, selector).invokeLong(arguments(receiver, selector, args));
    }

    @Override
    public byte sendByte(Pointer receiver, Pointer selector, Object... args) {
        // JNA reads a Byte return as the low 8 bits of the return register: the upper bits of a BOOL are undefined.
        return (Byte) dispatch(receiver, selector).invoke(Byte.class, arguments(receiver, selector, args));
    }

    @Override
    public void sendVoid(Pointer receiver, Pointer selector, Object... args) {
        dispatch(receiver, selector).invokeVoid(arguments(receiver, selector, args));
    }

    @Override
    public double sendDouble(Pointer receiver, Pointer selector, Object... args) {
        return dispatch(receiver, selector).invokeDouble(arguments(receiver, selector, args));
    }

    @Override
    public Pointer allocateClassPair(Pointer superclass, String name, long extraBytes) {
        return runtimeFunction("objc_allocateClassPair").invokePointer(new Object[] {superclass, name, extraBytes});
    }

    @Override
    public boolean addMethod(Pointer cls, Pointer selector, Callback imp, String typeEncoding) {
        Pointer impPointer = CallbackReference.getFunctionPointer(imp);
        Object ok = runtimeFunction("class_addMethod")
                .invoke(Byte.class, new Object[] {cls, selector, impPointer, typeEncoding});
        return (Byte) ok != 0;
    }

    @Override
    public Pointer getProtocol(String name) {
        return runtimeFunction("objc_getProtocol").invokePointer(new Object[] {name});
    }

    @Override
    public boolean addProtocol(Pointer cls, Pointer protocol) {
        return (Byte) runtimeFunction("class_addProtocol").invoke(Byte.class, new Object[] {cls, protocol}) != 0;
    }

    @Override
    public void registerClassPair(Pointer cls) {
        runtimeFunction("objc_registerClassPair").invokeVoid(new Object[] {cls});
    }

    @Override
    public Pointer globalSymbol(String library, String name) {
        try {
            return NativeLibrary.getInstance(library).getGlobalVariableAddress(name);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    @Override
    public String blocksLibrary() {
        return blocksLibrary;
    }

    @Override
    public boolean loadFramework(String path) {
        try {
            NativeLibrary.getInstance(path);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** {@code receiver, selector, args...} after checking that every argument has an Objective-C width. */
    static Object[] arguments(Pointer receiver, Pointer selector, Object[] args) {
        Object[] all = new Object[args.length + 2];
        all[0] = receiver;
        all[1] = selector;
        for (int i = 0; i < args.length; i++) {
            all[i + 2] = checkArgument(args[i], i);
        }
        return all;
    }

    private static Object checkArgument(Object arg, int index) {
        if (arg == null
                || arg instanceof Pointer
                || arg instanceof Long
                || arg instanceof Byte
                || arg instanceof Double) {
            return arg;
        }
        throw new IllegalArgumentException(
                "argument " + index + " is a " + arg.getClass().getSimpleName()
                        + ": pass Pointer (object, selector, block), Long (NSInteger), Byte (BOOL) or Double (CGFloat)");
    }
}
