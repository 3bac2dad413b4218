package io.ntfybar.notify.mac;

import com.sun.jna.Function;
import com.sun.jna.Pointer;

/**
 * The production {@link ObjcRuntime}: Apple's libobjc, where every message goes through the one {@code objc_msgSend}
 * trampoline called with the exact prototype of the target method (never as varargs; arm64 has no
 * {@code _stret}/{@code _fpret} variants and the notifier needs no struct returns). Only works on macOS.
 */
public final class AppleObjcRuntime extends JnaObjcRuntime {
    private final Function msgSend;

    public AppleObjcRuntime() {
        super("objc", "System");
        this.msgSend = runtimeFunction("objc_msgSend");
    }

    @Override
    protected Function dispatch(Pointer receiver, Pointer selector) {
        return msgSend;
    }
}
