package io.ntfybar.notify;

import io.ntfybar.dispatch.DispatchPolicy;
import io.ntfybar.model.Action;
import io.ntfybar.model.ActionType;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.render.NotificationSpec;
import io.ntfybar.render.Renderer;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.subscribe.StoreWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From stored messages to shown notifications and back: the {@link StoreWriter.Dispatcher} of the app and of
 * {@code subscribe --notify}.
 *
 * <ol>
 *   <li>On the writer thread, right after a commit: {@link DispatchPolicy} decides (pure and quick).
 *   <li>On the notification thread ({@code ntfybar-notify}): images are fetched (an image attachment within the
 *       auto-download limit, or the message icon), the {@link Renderer} builds the spec, the {@link Notifier} shows
 *       it. A slow download never holds up the store.
 *   <li>Back from the notifier: a click opens the click URL (only http, https and mailto; anything else is refused
 *       with a notice) or asks the UI to open the message, and marks it read. A view action opens its URL by the same
 *       rule; an http action runs only now, on the user's click, and its outcome goes to the UI and, on failure, into
 *       a short follow-up notification; copy puts the value on the clipboard. {@code clear} withdraws the
 *       notification and marks the message read: at once for view and copy, only after success for http.
 *   <li>Insistent priority-5 notifications are shown again, with their sound, every {@link #INSISTENT_EVERY_SECONDS}
 *       until the user acts on them or dismisses them, for at most {@link #INSISTENT_FOR_MINUTES} minutes.
 * </ol>
 */
public final class NotificationService implements StoreWriter.Dispatcher, NotificationListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    static final long INSISTENT_EVERY_SECONDS = 30;
    static final long INSISTENT_FOR_MINUTES = 30;

    /** What is shown under an identity: the message (null for a summary) and the spec it was shown with. */
    private record Shown(Subscription subscription, StoredMessage message, NotificationSpec spec) {}

    private final DispatchPolicy policy = new DispatchPolicy();
    private final Renderer renderer;
    private final Notifier notifier;
    private final MessageActions actions;
    private final H2MessageStore store;
    private final LongFunction<Subscription> subscriptions;
    private final Supplier<Settings> settings;
    private final LongSupplier clock;
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ntfybar-notify");
        t.setDaemon(true);
        return t;
    });
    private final InsistentRepeats insistent = new InsistentRepeats(thread);
    private final OwnNotifications own;
    private volatile NotificationEvents events = new NotificationEvents() {};
    private volatile boolean reportedUnusable;

    public NotificationService(
            Renderer renderer,
            Notifier notifier,
            MessageActions actions,
            H2MessageStore store,
            LongFunction<Subscription> subscriptions,
            Supplier<Settings> settings,
            LongSupplier clock) {
        this.renderer = renderer;
        this.notifier = notifier;
        this.actions = actions;
        this.store = store;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
        this.own = new OwnNotifications(this, notifier, thread);
        notifier.setListener(own);
    }

    /** With the renderer of the settings' default server and the system clock, as the app and the CLI use it. */
    public static NotificationService create(
            Notifier notifier,
            MessageActions actions,
            H2MessageStore store,
            LongFunction<Subscription> subscriptions,
            Supplier<Settings> settings) {
        return new NotificationService(
                new Renderer(new MessageDisplay(ServerUrl.of(settings.get().defaultServer()))),
                notifier,
                actions,
                store,
                subscriptions,
                settings,
                System::currentTimeMillis);
    }

    public void setEvents(NotificationEvents e) {
        this.events = e;
    }

    public MessageActions actions() {
        return actions;
    }

    public Notifier notifier() {
        return notifier;
    }

    /**
     * Shows a notification of the app itself (not of a message, such as the connection alert); its click, buttons and
     * dismissal go to {@code handler} on the notification thread. Showing the same identity again replaces it.
     */
    public void showOwn(NotificationSpec spec, NotificationListener handler) {
        own.show(spec, handler);
    }

    /** Takes back a notification {@link #showOwn} showed, if it is still there. */
    public void withdrawOwn(String identity) {
        own.withdraw(identity);
    }

    /** Runs {@code work} on the notification thread every {@code period}, until {@link #close}. */
    public void every(Duration period, Runnable work) {
        Runnable guarded = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("A periodic notification task failed; it runs again", e); // uncaught, it would stop for good
            }
        };
        thread.scheduleWithFixedDelay(guarded, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writer thread: decide now, show on the notification thread. */
    @Override
    public void dispatch(List<StoreUpdate> updates) {
        Settings s = settings.get();
        List<DispatchPolicy.Decision> decisions =
                policy.decide(updates, subscriptions, s.notifications(), s.minPriority(), clock.getAsLong());
        if (!decisions.isEmpty()) {
            thread.execute(() -> decisions.forEach(d -> perform(d, s)));
        }
    }

    /** Waits until everything dispatched so far was handed to the notifier. For tests and an orderly shutdown. */
    public void flush() throws InterruptedException {
        try {
            thread.submit(() -> {}).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the notification thread did not finish", e);
        }
    }

    private void perform(DispatchPolicy.Decision d, Settings s) {
        try {
            if (d instanceof DispatchPolicy.Show show) {
                showMessage(show, s);
            } else if (d instanceof DispatchPolicy.Summary sum) {
                Subscription sub = sum.subscription();
                String id = DispatchPolicy.summaryIdentity(sub);
                NotificationSpec spec = renderer.summary(
                        id,
                        ServerUrl.of(sub.baseUrl()),
                        sub.topic(),
                        sub.displayName(),
                        sum.count(),
                        sum.newest().message(),
                        sum.maxPriority(),
                        s.notifications(),
                        sum.update());
                show(new Shown(sub, null, spec));
            } else if (d instanceof DispatchPolicy.Withdraw w) {
                withdraw(w.identity());
            }
        } catch (RuntimeException e) {
            log.warn("Could not show a notification", e);
        }
    }

    private void showMessage(DispatchPolicy.Show show, Settings s) {
        Subscription sub = show.subscription();
        StoredMessage m = show.message();
        NotificationSpec spec = renderer.render(
                m.message(), ServerUrl.of(sub.baseUrl()), sub.displayName(), s.notifications(), show.update());
        if (notifier.capabilities().images()) {
            Optional<String> image = actions.imageFor(sub, m.message());
            if (image.isPresent()) {
                spec = spec.withImageFile(image.get());
            }
        }
        show(new Shown(sub, m, spec));
        if (show.insistent()) {
            startInsistent(spec.identity());
        }
    }

    private void show(Shown s) {
        shown.put(s.spec().identity(), s);
        notifier.show(s.spec());
        Notifier.Availability a = notifier.availability();
        if (!a.usable() && !reportedUnusable) {
            reportedUnusable = true;
            events.onNotice(a.reason());
        } else if (a.usable()) {
            reportedUnusable = false;
        }
    }

    /** The user read these messages (store row ids) in a window: their notifications go away, as on Android. */
    public void withdrawMessages(java.util.Collection<Long> rowIds) {
        java.util.Set<Long> ids = java.util.Set.copyOf(rowIds);
        thread.execute(() -> shown.entrySet().stream()
                .filter(e -> e.getValue().message() != null
                        && ids.contains(e.getValue().message().rowId()))
                .map(Map.Entry::getKey)
                .toList()
                .forEach(this::withdraw));
    }

    private void withdraw(String identity) {
        stopInsistent(identity);
        shown.remove(identity);
        notifier.withdraw(identity);
    }

    /** For tests: repeat insistent notifications this often instead of every 30 s. */
    void setInsistentInterval(Duration every) {
        insistent.setInterval(every);
    }

    private void startInsistent(String identity) {
        insistent.start(
                identity,
                () -> {
                    Shown s = shown.get(identity);
                    return s == null ? null : s.spec();
                },
                notifier::show);
    }

    private void stopInsistent(String identity) {
        insistent.stop(identity);
    }

    /** Whether an insistent notification is still repeating; for tests. */
    boolean isInsistent(String identity) {
        return insistent.isRunning(identity);
    }

    // --- from the notifier (its thread): hand off to the notification thread ---

    @Override
    public void onClick(String identity) {
        thread.execute(() -> clicked(identity));
    }

    @Override
    public void onAction(String identity, int index) {
        thread.execute(() -> actionPressed(identity, index));
    }

    @Override
    public void onDismissed(String identity) {
        thread.execute(() -> {
            stopInsistent(identity);
            shown.remove(identity);
            policy.forget(identity);
        });
    }

    private void clicked(String identity) {
        Shown s = shown.get(identity);
        if (s == null) {
            return;
        }
        acknowledge(identity);
        if (s.message() == null) {
            events.onOpenSubscription(s.subscription());
            return;
        }
        markRead(s.message());
        String click = s.spec().clickUrl();
        if (click == null) {
            events.onOpenMessage(s.message());
        } else {
            openLink(click);
        }
    }

    private void actionPressed(String identity, int index) {
        Shown s = shown.get(identity);
        if (s == null
                || s.message() == null
                || index < 0
                || index >= s.spec().actions().size()) {
            return;
        }
        stopInsistent(identity);
        Action a = s.spec().actions().get(index);
        if (a.type() == ActionType.VIEW) {
            boolean opened = openLink(a.url());
            events.onActionResult(
                    s.message(),
                    index,
                    opened,
                    opened ? null : actions.refusal(a.url()).orElse(null));
            finish(s, a, opened);
        } else if (a.type() == ActionType.COPY) {
            boolean copied = actions.copy(a.value() == null ? "" : a.value());
            events.onActionResult(s.message(), index, copied, copied ? null : "There is no clipboard to copy to.");
            finish(s, a, copied);
        } else if (a.type() == ActionType.HTTP) {
            actions.runHttp(
                            a,
                            s.subscription() == null ? null : s.subscription().baseUrl())
                    .thenAcceptAsync(
                            o -> {
                                events.onActionResult(s.message(), index, o.success(), o.reason());
                                if (o.success()) {
                                    finish(s, a, true);
                                } else {
                                    notifier.show(Renderer.actionFailed(s.spec(), a.label(), o.reason()));
                                }
                            },
                            thread);
        }
    }

    private void finish(Shown s, Action a, boolean success) {
        if (a.clear() && success) {
            withdraw(s.spec().identity());
            markRead(s.message());
            policy.forget(s.spec().identity());
        }
    }

    private boolean openLink(String url) {
        Optional<String> refusal = actions.refusal(url);
        if (refusal.isPresent()) {
            log.warn("Refused to open a link: {}", refusal.get());
            events.onNotice(refusal.get());
            return false;
        }
        actions.open(url);
        return true;
    }

    private void acknowledge(String identity) {
        stopInsistent(identity);
        shown.remove(identity);
        policy.forget(identity);
    }

    private void markRead(StoredMessage m) {
        try {
            store.setRead(List.of(m.rowId()), true);
        } catch (RuntimeException e) {
            log.warn("Could not mark a message read", e);
            return;
        }
        events.onMarkedRead(m.rowId());
    }

    /**
     * Stops after what was queued; the notification thread may be inside H2 (marking read), so it is never
     * interrupted.
     */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The notification thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notifier.close();
    }
}
