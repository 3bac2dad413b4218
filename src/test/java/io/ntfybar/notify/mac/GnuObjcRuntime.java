package io.ntfybar.notify.mac;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import io.ntfybar.testsupport.DesktopTests;

/**
 * The production {@link JnaObjcRuntime} on GCC's GNU Objective-C runtime (Debian {@code libobjc4}) and the LLVM Blocks
 * runtime ({@code libblocksruntime0}): only the dispatch differs from {@link AppleObjcRuntime}, because libobjc4 has
 * no {@code objc_msgSend}: {@code IMP imp = objc_msg_lookup(receiver, sel); imp(receiver, sel, args...)}.
 */
final class GnuObjcRuntime extends JnaObjcRuntime {
    static final String OBJC = "libobjc.so.4";
    static final String BLOCKS = "libBlocksRuntime.so.0";

    private GnuObjcRuntime() {
        super(OBJC, BLOCKS);
    }

    /**
     * The runtime, or: skip the test on a developer's machine, fail it in CI, when libobjc4 or libblocksruntime0 is not
     * installed.
     */
    static GnuObjcRuntime require() {
        GnuObjcRuntime rt = null;
        String missing = null;
        try {
            rt = new GnuObjcRuntime();
            if (rt.globalSymbol(BLOCKS, "_NSConcreteGlobalBlock") == null) {
                missing = BLOCKS + " (apt-get install libblocksruntime0)";
            }
        } catch (UnsatisfiedLinkError e) {
            missing = OBJC + " (apt-get install libobjc4): " + e.getMessage();
        }
        DesktopTests.require(missing == null, "the GNU Objective-C and Blocks runtimes are needed: " + missing);
        return rt;
    }

    @Override
    protected Function dispatch(Pointer receiver, Pointer selector) {
        Pointer imp = runtimeFunction("objc_msg_lookup").invokePointer(new Object[] {receiver, selector});
        return Function.getFunction(imp);
    }

    /** {@code class_createInstance(cls, 0)}: GNU's root classes have no +alloc/+new. */
    Pointer createInstance(Pointer cls) {
        return runtimeFunction("class_createInstance").invokePointer(new Object[] {cls, 0L});
    }

    /** The IMP a message would run, to call it with a deliberately wrong return type. */
    Function lookup(Pointer receiver, Pointer selector) {
        return dispatch(receiver, selector);
    }

    Function blocksFunction(String name) {
        return com.sun.jna.NativeLibrary.getInstance(BLOCKS).getFunction(name);
    }
}
