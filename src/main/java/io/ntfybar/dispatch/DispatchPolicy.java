package io.ntfybar.dispatch;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.render.Renderer;
import io.ntfybar.settings.NotificationSettings;
import io.ntfybar.store.StoreUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Whether and how what the store just changed reaches the user: pure decisions, no I/O, no clock of its own. Called
 * in store order (the store writer's thread); {@link #forget} may come from another thread, so both are synchronized.
 *
 * <ul>
 *   <li>Only newly stored messages marked for dispatch: a new subscription's initial fetch never notifies.
 *   <li>Not while the app or the subscription is muted; not below the minimum priority (the subscription's, else the
 *       global one). Such messages are stored and unread, only not shown.
 *   <li>Catch-up without a storm: when more than {@link NotificationSettings#catchUpSummary()} notifications of one
 *       subscription come within a burst (messages less than {@link #BURST_GAP_MILLIS} apart), one summary stands in
 *       for all of them, and the ones already shown in that burst are withdrawn.
 *   <li>A revision of a sequence that is still shown replaces it silently (as Android's "alert only once").
 *   <li>{@code message_clear} and {@code message_delete} withdraw the sequence's notification (the store already
 *       marked it read or hid it).
 *   <li>Priority 5 is insistent when the setting is on.
 * </ul>
 */
public final class DispatchPolicy {
    /** Notifications of one subscription closer together than this belong to one burst. */
    public static final long BURST_GAP_MILLIS = 1_500;
    /** How many shown identities are remembered to tell an update from a new notification. */
    static final int REMEMBERED = 2_000;

    /** What to do. */
    public sealed interface Decision {
        Subscription subscription();
    }

    /**
     * Show one message.
     *
     * @param update a notification with the same identity is shown: replace it without sound
     * @param insistent keep alerting until the user acts on it
     */
    public record Show(Subscription subscription, StoredMessage message, boolean update, boolean insistent)
            implements Decision {}

    /**
     * One notification for {@code count} messages of a subscription; replaces the previous summary of the burst.
     *
     * @param newest the newest of them, for the summary's text and priority
     * @param update a summary of this burst is already shown
     */
    public record Summary(Subscription subscription, int count, StoredMessage newest, int maxPriority, boolean update)
            implements Decision {}

    /** Remove a shown notification. */
    public record Withdraw(Subscription subscription, String identity) implements Decision {}

    private static final class Burst {
        long lastMillis;
        int count;
        int maxPriority;
        boolean summarized;
        final List<String> shown = new ArrayList<>();
    }

    private final Map<Long, Burst> bursts = new HashMap<>();
    private final Set<String> shown = new LinkedHashSet<>();

    /**
     * @param updates what one store write changed, in order
     * @param subscriptions the subscription by id (null when it was removed meanwhile: its updates are ignored)
     * @param nowMillis the current time
     */
    public synchronized List<Decision> decide(
            List<StoreUpdate> updates,
            LongFunction<Subscription> subscriptions,
            NotificationSettings settings,
            int globalMinPriority,
            long nowMillis) {
        List<Decision> out = new ArrayList<>();
        Map<Long, List<StoredMessage>> eligible = new LinkedHashMap<>();
        for (StoreUpdate u : updates) {
            Subscription sub = subscriptions.apply(u.subscriptionId());
            if (sub == null) {
                continue;
            }
            if (u instanceof StoreUpdate.Added a) {
                if (a.dispatch() && shouldNotify(sub, a.stored(), settings, globalMinPriority, nowMillis)) {
                    eligible.computeIfAbsent(sub.id(), k -> new ArrayList<>()).add(a.stored());
                }
            } else if (u instanceof StoreUpdate.Cleared c) {
                withdraw(out, sub, c.sequenceId());
            } else if (u instanceof StoreUpdate.Deleted d) {
                withdraw(out, sub, d.sequenceId());
            }
        }
        eligible.forEach(
                (subId, messages) -> decideBurst(out, subscriptions.apply(subId), messages, settings, nowMillis));
        return out;
    }

    /** The identity of a subscription's catch-up summary (a space never occurs in a topic, so no message has it). */
    public static String summaryIdentity(Subscription sub) {
        return ServerUrl.of(sub.baseUrl()).value() + "/" + sub.topic() + " summary";
    }

    /** The identity a message's notification has. */
    public static String identity(Subscription sub, StoredMessage m) {
        return Renderer.identity(
                ServerUrl.of(sub.baseUrl()), m.message().topic(), m.message().effectiveSequenceId());
    }

    /** The user acted on or dismissed a notification: a later revision of it is a new notification again. */
    public synchronized void forget(String identity) {
        shown.remove(identity);
    }

    private static boolean shouldNotify(
            Subscription sub, StoredMessage m, NotificationSettings settings, int globalMinPriority, long nowMillis) {
        long nowSeconds = nowMillis / 1000;
        if (settings.isMuted(nowSeconds) || sub.isMuted(nowSeconds)) {
            return false;
        }
        int min = sub.minPriority() == 0 ? globalMinPriority : sub.minPriority();
        return m.message().priorityLevel().level() >= min;
    }

    private void withdraw(List<Decision> out, Subscription sub, String sequenceId) {
        String id = Renderer.identity(ServerUrl.of(sub.baseUrl()), sub.topic(), sequenceId);
        shown.remove(id);
        out.add(new Withdraw(sub, id));
    }

    private void decideBurst(
            List<Decision> out,
            Subscription sub,
            List<StoredMessage> messages,
            NotificationSettings settings,
            long nowMillis) {
        Burst b = bursts.get(sub.id());
        if (b == null || nowMillis - b.lastMillis > BURST_GAP_MILLIS) {
            b = new Burst();
            bursts.put(sub.id(), b);
        }
        b.lastMillis = nowMillis;
        b.count += messages.size();
        for (StoredMessage m : messages) {
            b.maxPriority = Math.max(b.maxPriority, m.message().priorityLevel().level());
        }
        if (b.summarized || b.count > settings.catchUpSummary()) {
            for (String id : b.shown) {
                shown.remove(id);
                out.add(new Withdraw(sub, id));
            }
            b.shown.clear();
            out.add(new Summary(sub, b.count, messages.get(messages.size() - 1), b.maxPriority, b.summarized));
            b.summarized = true;
            return;
        }
        for (StoredMessage m : messages) {
            String id = identity(sub, m);
            boolean update = shown.contains(id);
            remember(id);
            if (!b.shown.contains(id)) {
                b.shown.add(id);
            }
            boolean insistent =
                    settings.insistent() && m.message().priorityLevel().level() == 5 && !update;
            out.add(new Show(sub, m, update, insistent));
        }
    }

    private void remember(String id) {
        shown.remove(id);
        shown.add(id);
        if (shown.size() > REMEMBERED) {
            shown.remove(shown.iterator().next());
        }
    }
}
