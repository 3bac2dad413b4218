package io.ntfybar.notify.mac;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code UNUserNotificationCenterDelegate} class, created at run time: two methods whose IMPs are JNA callbacks,
 * routed by the receiving instance ({@code self}) to a {@link Handler}. The class is created once per process (checked
 * with {@code objc_getClass} first, since {@code objc_allocateClassPair} fails on a duplicate name); the two IMP
 * callbacks are static, so they stay reachable for the process lifetime.
 */
final class DelegateClass {
    private static final Logger log = LoggerFactory.getLogger(DelegateClass.class);

    static final String CLASS_NAME = "NtfybarNotificationDelegate";
    static final String PROTOCOL = "UNUserNotificationCenterDelegate";
    static final String WILL_PRESENT = "userNotificationCenter:willPresentNotification:withCompletionHandler:";
    static final String DID_RECEIVE = "userNotificationCenter:didReceiveNotificationResponse:withCompletionHandler:";
    /** void, self, _cmd, center, notification or response, block. */
    static final String METHOD_TYPES = "v@:@@@?";

    /** What the delegate methods do; called on a macOS thread. Must call the completion handler, never block. */
    interface Handler {
        void willPresent(Pointer center, Pointer notification, Pointer completionHandler);

        void didReceive(Pointer center, Pointer response, Pointer completionHandler);
    }

    /** The IMP of both delegate methods. */
    public interface DelegateMethod extends Callback {
        void invoke(Pointer self, Pointer cmd, Pointer center, Pointer item, Pointer completionHandler);
    }

    private static final Map<Pointer, Handler> HANDLERS = new ConcurrentHashMap<>();
    static final DelegateMethod WILL_PRESENT_IMP = (self, cmd, center, notification, completion) ->
            route(self, completion, WILL_PRESENT).willPresent(center, notification, completion);
    static final DelegateMethod DID_RECEIVE_IMP = (self, cmd, center, response, completion) ->
            route(self, completion, DID_RECEIVE).didReceive(center, response, completion);

    private DelegateClass() {}

    /**
     * The delegate class, defined now unless a class of that name exists. {@code superclassName} is
     * {@code NSObject} on macOS. The protocol conformance is added when the protocol is loaded (it is once
     * UserNotifications.framework is); UN itself asks the delegate with respondsToSelector:.
     *
     * @return the class, or null when it could not be created
     */
    static Pointer define(ObjcRuntime rt, String superclassName) {
        Pointer existing = rt.getClass(CLASS_NAME);
        if (existing != null) {
            return existing;
        }
        Pointer superclass = rt.getClass(superclassName);
        if (superclass == null) {
            log.warn("macOS notifications: no class {} to derive the delegate from", superclassName);
            return null;
        }
        Pointer cls = rt.allocateClassPair(superclass, CLASS_NAME, 0L);
        if (cls == null) {
            log.warn("macOS notifications: objc_allocateClassPair({}) failed", CLASS_NAME);
            return null;
        }
        boolean added = rt.addMethod(cls, rt.selector(WILL_PRESENT), WILL_PRESENT_IMP, METHOD_TYPES)
                & rt.addMethod(cls, rt.selector(DID_RECEIVE), DID_RECEIVE_IMP, METHOD_TYPES);
        if (!added) {
            log.warn("macOS notifications: class_addMethod failed on {}", CLASS_NAME);
        }
        Pointer protocol = rt.getProtocol(PROTOCOL);
        if (protocol == null) {
            log.warn("macOS notifications: protocol {} not loaded; the delegate does not declare it", PROTOCOL);
        } else if (!rt.addProtocol(cls, protocol)) {
            log.warn("macOS notifications: class_addProtocol({}) failed", PROTOCOL);
        }
        rt.registerClassPair(cls);
        return cls;
    }

    /** Routes the delegate methods of instance {@code self} to {@code handler}. */
    static void register(Pointer self, Handler handler) {
        HANDLERS.put(self, handler);
    }

    static void unregister(Pointer self) {
        HANDLERS.remove(self);
    }

    private static Handler route(Pointer self, Pointer completion, String method) {
        Handler h = self == null ? null : HANDLERS.get(self);
        return h != null ? h : new Orphan(method);
    }

    /** After close, or for an instance we do not know: still calls the completion handler, as UN requires. */
    private record Orphan(String method) implements Handler {
        @Override
        public void willPresent(Pointer center, Pointer notification, Pointer completionHandler) {
            complete(completionHandler, MacMapping.PRESENTATION_OPTIONS);
        }

        @Override
        public void didReceive(Pointer center, Pointer response, Pointer completionHandler) {
            complete(completionHandler);
        }

        private void complete(Pointer block, Object... args) {
            try {
                GlobalBlock.invokeVoid(block, args);
            } catch (RuntimeException e) {
                log.warn("macOS notifications: completion handler of {} failed: {}", method, e.toString());
            }
        }
    }
}
