package io.ntfybar.ui.tray;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.AppCore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the tray shows, read from the core in one go (on the tray's own thread, never the AWT event thread).
 *
 * @param recent the newest visible messages across all subscriptions, newest first
 * @param subscriptions every subscription, in the store's order
 * @param unread unread messages per subscription id
 * @param connections the newest report of each server connection
 * @param problems topics a server refused, by subscription id
 * @param pausedUntil the global pause ({@code notifications.muted-until}): 0 none, -1 until resumed, else epoch seconds
 */
public record TrayState(
        List<StoredMessage> recent,
        List<Subscription> subscriptions,
        Map<Long, Integer> unread,
        List<ConnectionState.Report> connections,
        Map<Long, TopicProblem> problems,
        long pausedUntil) {
    public static final int RECENT = 5;

    public static TrayState load(AppCore core) {
        List<Subscription> subs = core.subscriptions().all();
        // Each subscription's newest few come from its (subscription, time) index; merging them is cheaper than
        // sorting every stored message by time.
        List<StoredMessage> recent = new ArrayList<>();
        for (Subscription s : subs) {
            recent.addAll(core.messages().page(s.id(), null, RECENT));
        }
        recent.sort(Comparator.comparingLong((StoredMessage m) -> m.message().time())
                .thenComparingLong(StoredMessage::rowId)
                .reversed());
        return new TrayState(
                List.copyOf(recent.subList(0, Math.min(RECENT, recent.size()))),
                subs,
                core.messages().unreadCounts(),
                core.connections(),
                core.problems(),
                core.settings().notifications().mutedUntil());
    }

    public int totalUnread() {
        return unread.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A connection that is not up, or a refused topic: the icon shows it. */
    public boolean hasProblem() {
        return !problems.isEmpty()
                || connections.stream()
                        .anyMatch(r -> r.state() instanceof ConnectionState.Failed
                                || r.state() instanceof ConnectionState.BackingOff);
    }
}
