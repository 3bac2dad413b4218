package io.ntfybar.notify.mac;

import com.sun.jna.Pointer;
import io.ntfybar.notify.NotificationListener;
import io.ntfybar.notify.Notifier;
import io.ntfybar.render.NotificationSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through macOS Notification Center ({@code UNUserNotificationCenter}), with action buttons, click and
 * dismiss callbacks, an image attachment, thread grouping and interruption levels. See docs/macos-notifications.md.
 *
 * <ul>
 *   <li>Bundle guard first: {@code currentNotificationCenter} is only ever sent when the main bundle has an
 *       identifier and is an {@code .app}; otherwise it raises an Objective-C exception that aborts the JVM. Without a
 *       bundle the notifier is {@linkplain #availability() unusable} and sends nothing to Notification Center.
 *   <li>One thread, {@value #THREAD_NAME}, makes every UserNotifications call, each inside an autorelease pool.
 *   <li>Completion blocks and delegate methods run on macOS threads: they call the listener at once (it hands off and
 *       never blocks) and always call macOS's completion handler.
 * </ul>
 */
public final class MacNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(MacNotifier.class);

    static final String THREAD_NAME = "ntfybar-macos-notify";
    static final String FOUNDATION_FRAMEWORK = "/System/Library/Frameworks/Foundation.framework/Foundation";
    static final String UN_FRAMEWORK = "/System/Library/Frameworks/UserNotifications.framework/UserNotifications";
    static final String AUTHORIZATION_SIGNATURE = "v@?B@";
    static final String ERROR_SIGNATURE = "v@?@";
    static final String IDENTITY_KEY = "identity";
    static final String GROUP_KEY = "group";
    static final String ATTACHMENT_ID = "image";
    private static final Capabilities CAPABILITIES = new Capabilities(true, true, true, true);
    private static final long START_TIMEOUT_SECONDS = 10;

    private final Foundation ns;
    private final ExecutorService executor;
    private final MacRequests requests;
    private final CompletableFuture<Availability> authorization = new CompletableFuture<>();
    private volatile Availability availability;
    private volatile NotificationListener listener = new NotificationListener() {};
    private volatile boolean closed;

    // Owned by the executor thread after start.
    private Pointer center;
    private Pointer delegate;
    private String defaultActionId;
    private String dismissActionId;
    private GlobalBlock authorizationBlock;
    private GlobalBlock addRequestBlock;

    private MacNotifier(Foundation ns, Path attachmentDir, Availability initial) {
        this.ns = ns;
        this.requests = ns == null ? null : new MacRequests(ns, attachmentDir);
        this.availability = initial;
        this.executor = ns == null
                ? null
                : Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, THREAD_NAME);
                    t.setDaemon(true);
                    return t;
                });
        if (initial.usable()) {
            return;
        }
        authorization.complete(initial);
    }

    /**
     * The notifier for this process: on macOS through {@link AppleObjcRuntime}, elsewhere (or when the Objective-C
     * runtime cannot be loaded) an unusable notifier that never touches native code. Blocks up to 10 s for the
     * bundle check and delegate set-up; authorization is asked for asynchronously (see {@link #authorization()}).
     */
    public static MacNotifier create() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("mac")) {
            return unusable("macOS Notification Center is only available on macOS");
        }
        ObjcRuntime rt;
        try {
            rt = new AppleObjcRuntime();
        } catch (RuntimeException | LinkageError e) {
            log.warn("macOS notifications: cannot load the Objective-C runtime", e);
            return unusable("macOS Notification Center cannot be used: the Objective-C runtime did not load");
        }
        return create(rt, null);
    }

    /**
     * The notifier over {@code runtime}; {@code attachmentDir} is where copies of images are made for macOS to take
     * (null: a temporary folder made on first use).
     */
    public static MacNotifier create(ObjcRuntime runtime, Path attachmentDir) {
        MacNotifier n =
                new MacNotifier(new Foundation(Objects.requireNonNull(runtime)), attachmentDir, Availability.OK);
        n.start();
        return n;
    }

    private static MacNotifier unusable(String reason) {
        return new MacNotifier(null, null, Availability.unusable(reason));
    }

    /** Completes with the availability once macOS answered the authorization request (or at once when unusable). */
    public CompletionStage<Availability> authorization() {
        return authorization;
    }

    @Override
    public String name() {
        return "macOS Notification Center";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public void setListener(NotificationListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    // ---------------------------------------------------------------- start-up

    private void start() {
        try {
            executor.submit(() -> {
                        // Foundation first: the autorelease pool is a Foundation class.
                        if (!ns.runtime().loadFramework(FOUNDATION_FRAMEWORK)) {
                            log.debug("macOS notifications: Foundation not loaded by path; relying on it being loaded");
                        }
                        ns.inPool(this::setUp);
                    })
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.warn("macOS notifications: set-up failed", e.getCause());
            markUnusable("macOS Notification Center could not be set up: " + e.getCause());
        } catch (TimeoutException e) {
            log.warn("macOS notifications: set-up did not finish in {} s", START_TIMEOUT_SECONDS);
            markUnusable("macOS Notification Center did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            markUnusable("interrupted while setting up macOS Notification Center");
        }
    }

    private void markUnusable(String reason) {
        availability = Availability.unusable(reason);
        authorization.complete(availability);
    }

    /** On the executor, inside a pool. */
    private void setUp() {
        ObjcRuntime rt = ns.runtime();
        Pointer bundle = ns.ptr(ns.cls("NSBundle"), "mainBundle");
        String bundleId = bundle == null ? null : ns.javaString(ns.ptr(bundle, "bundleIdentifier"));
        String bundlePath = bundle == null ? null : ns.javaString(ns.ptr(bundle, "bundlePath"));
        String notBundled = MacMapping.notBundledReason(bundleId, bundlePath);
        if (notBundled != null) {
            log.info("macOS notifications: not used: {}", notBundled);
            markUnusable(notBundled);
            return;
        }
        if (!rt.loadFramework(UN_FRAMEWORK)) {
            markUnusable("macOS Notification Center cannot be used: UserNotifications.framework did not load");
            return;
        }
        defaultActionId = ns.constantString(UN_FRAMEWORK, "UNNotificationDefaultActionIdentifier");
        dismissActionId = ns.constantString(UN_FRAMEWORK, "UNNotificationDismissActionIdentifier");
        Pointer delegateClass = DelegateClass.define(rt, "NSObject");
        if (delegateClass == null) {
            markUnusable("macOS Notification Center cannot be used: the delegate class could not be created");
            return;
        }
        // +1 from new, never released: the center's delegate property is weak.
        delegate = ns.ptr(delegateClass, "new");
        DelegateClass.register(delegate, new Responses());
        authorizationBlock = GlobalBlock.create(
                rt, AUTHORIZATION_SIGNATURE, (GlobalBlock.BoolErrorCallback) this::authorizationAnswered);
        addRequestBlock =
                GlobalBlock.create(rt, ERROR_SIGNATURE, (GlobalBlock.ErrorCallback) this::notificationRequestAdded);

        center = ns.ptr(ns.cls("UNUserNotificationCenter"), "currentNotificationCenter");
        ns.call(center, "setDelegate:", delegate);
        ns.call(
                center,
                "requestAuthorizationWithOptions:completionHandler:",
                MacMapping.AUTHORIZATION_OPTIONS,
                authorizationBlock.pointer());
    }

    /** The authorization completion block; on a macOS thread. */
    private void authorizationAnswered(Pointer block, byte granted, Pointer error) {
        try {
            if (error != null) {
                log.warn("macOS notifications: authorization error: {}", ns.inPool(() -> ns.errorText(error)));
            }
            if (granted != 0) {
                log.info("macOS notifications: authorized");
            } else {
                log.warn("macOS notifications: not authorized by the user or the system");
                availability = Availability.unusable(MacMapping.DENIED);
            }
            authorization.complete(availability);
        } catch (RuntimeException | Error e) {
            log.warn("macOS notifications: authorization answer could not be read", e);
        }
    }

    /** The completion block of addNotificationRequest:; on a macOS thread. */
    private void notificationRequestAdded(Pointer block, Pointer error) {
        if (error == null) {
            return;
        }
        try {
            log.warn("macOS notifications: a notification was refused: {}", ns.inPool(() -> ns.errorText(error)));
        } catch (RuntimeException | Error e) {
            log.warn("macOS notifications: a notification was refused (error unreadable)", e);
        }
    }

    // ---------------------------------------------------------------- show / withdraw

    @Override
    public void show(NotificationSpec spec) {
        if (spec == null) {
            return;
        }
        submit("show " + spec.identity(), () -> showNow(spec));
    }

    @Override
    public void withdraw(String identity) {
        if (identity == null) {
            return;
        }
        submit("withdraw " + identity, () -> {
            Pointer ids = ns.array(List.of(ns.string(identity)));
            ns.call(center, "removeDeliveredNotificationsWithIdentifiers:", ids);
            ns.call(center, "removePendingNotificationRequestsWithIdentifiers:", ids);
        });
    }

    private void submit(String what, Runnable work) {
        if (closed || executor == null || !availability.usable()) {
            log.debug("macOS notifications: {} skipped: {}", what, closed ? "closed" : availability.reason());
            return;
        }
        try {
            executor.execute(() -> {
                if (center == null || !availability.usable()) {
                    return;
                }
                try {
                    ns.inPool(work);
                } catch (RuntimeException | Error e) {
                    log.warn("macOS notifications: {} failed", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("macOS notifications: {} after close", what);
        }
    }

    /** On the executor, inside a pool. */
    private void showNow(NotificationSpec spec) {
        requests.add(center, addRequestBlock.pointer(), spec);
    }

    // ---------------------------------------------------------------- responses

    /** The delegate's methods, on a macOS thread. */
    private final class Responses implements DelegateClass.Handler {
        @Override
        public void willPresent(Pointer center, Pointer notification, Pointer completionHandler) {
            // Show banners, list entries and sound even while ntfybar is the frontmost app.
            complete(completionHandler, "willPresent", MacMapping.PRESENTATION_OPTIONS);
        }

        @Override
        public void didReceive(Pointer center, Pointer response, Pointer completionHandler) {
            try {
                if (!closed) {
                    ns.inPool(() -> dispatch(response));
                }
            } catch (RuntimeException | Error e) {
                log.warn("macOS notifications: response not handled", e);
            } finally {
                complete(completionHandler, "didReceive");
            }
        }

        private void dispatch(Pointer response) {
            String action = ns.javaString(ns.ptr(response, "actionIdentifier"));
            Pointer request = ns.ptr(ns.ptr(response, "notification"), "request");
            String identity = ns.javaString(ns.ptr(request, "identifier"));
            NotificationListener l = listener;
            switch (MacMapping.classify(action, defaultActionId, dismissActionId)) {
                case CLICK -> l.onClick(identity);
                case DISMISS -> l.onDismissed(identity);
                case ACTION -> {
                    OptionalInt index = MacMapping.actionIndex(action);
                    l.onAction(identity, index.getAsInt());
                }
                case UNKNOWN -> log.debug("macOS notifications: unknown action {} on {}", action, identity);
            }
        }

        private void complete(Pointer block, String method, Object... args) {
            try {
                GlobalBlock.invokeVoid(block, args);
            } catch (RuntimeException | Error e) {
                log.warn("macOS notifications: completion handler of {} failed", method, e);
            }
        }
    }

    /** Waits until everything queued so far has run; false on timeout or when there is no executor. */
    boolean flush(long timeout, TimeUnit unit) {
        if (executor == null || executor.isShutdown()) {
            return false;
        }
        try {
            executor.submit(() -> {}).get(timeout, unit);
            return true;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (executor == null) {
            return;
        }
        try {
            executor.execute(() -> {
                if (delegate != null) {
                    DelegateClass.unregister(delegate);
                }
                if (center != null) {
                    try {
                        ns.inPool(() -> ns.call(center, "setDelegate:", (Object) null));
                    } catch (RuntimeException | Error e) {
                        log.debug("macOS notifications: clearing the delegate failed", e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // already shut down
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                log.debug("macOS notifications: executor still busy at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
