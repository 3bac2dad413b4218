package io.ntfybar.app.mac;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.ntfybar.notify.mac.ObjcRuntime;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ServiceManagement} on Apple's runtime: {@code [SMAppService mainAppService]}, then {@code status},
 * {@code registerAndReturnError:} or {@code unregisterAndReturnError:} (BOOL, read as a byte), with an
 * {@code NSError **} out-pointer whose {@code localizedDescription} becomes the sentence. Each call runs in its own
 * autorelease pool. Not run on Linux: docs/macos-notifications.md lists the check for a Mac.
 */
final class AppleServiceManagement implements ServiceManagement {
    static final String FRAMEWORK = "/System/Library/Frameworks/ServiceManagement.framework/ServiceManagement";
    private final ObjcRuntime rt;

    private AppleServiceManagement(ObjcRuntime rt) {
        this.rt = rt;
    }

    /** The service, or empty before macOS 13 (no {@code SMAppService} class). */
    static Optional<ServiceManagement> load(ObjcRuntime rt) {
        if (!rt.loadFramework(FRAMEWORK) || rt.getClass("SMAppService") == null) {
            return Optional.empty();
        }
        return Optional.of(new AppleServiceManagement(rt));
    }

    private <T> T inPool(Supplier<T> work) {
        Pointer pool = rt.sendPointer(rt.getClass("NSAutoreleasePool"), rt.selector("new"));
        try {
            return work.get();
        } finally {
            rt.sendVoid(pool, rt.selector("drain"));
        }
    }

    private Pointer service() {
        return rt.sendPointer(rt.getClass("SMAppService"), rt.selector("mainAppService"));
    }

    @Override
    public long status() {
        return inPool(() -> rt.sendLong(service(), rt.selector("status")));
    }

    @Override
    public void register() {
        change("registerAndReturnError:", "register ntfybar as a login item");
    }

    @Override
    public void unregister() {
        change("unregisterAndReturnError:", "remove ntfybar's login item");
    }

    private void change(String selector, String what) {
        inPool(() -> {
            Memory error = new Memory(Native.POINTER_SIZE);
            error.setPointer(0, null);
            byte ok = rt.sendByte(service(), rt.selector(selector), error);
            if (ok == 0) {
                throw new IllegalStateException("macOS did not " + what + ": " + describe(error.getPointer(0)));
            }
            return null;
        });
    }

    private String describe(Pointer nsError) {
        if (nsError == null) {
            return "no reason given";
        }
        Pointer text = rt.sendPointer(nsError, rt.selector("localizedDescription"));
        Pointer utf8 = text == null ? null : rt.sendPointer(text, rt.selector("UTF8String"));
        return utf8 == null ? "no reason given" : utf8.getString(0, StandardCharsets.UTF_8.name());
    }
}
