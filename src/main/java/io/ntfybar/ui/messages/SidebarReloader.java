package io.ntfybar.ui.messages;

import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.store.StoreException;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiThreads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the sidebar shows (subscriptions, unread counts, connection reports, topic problems) on the I/O thread
 * and hands it to the FX thread. Requests while one is queued are merged: a burst of 1,000 stored messages reloads
 * the sidebar once or twice, not 1,000 times. {@link #reload} may be called from any thread.
 */
final class SidebarReloader {
    private static final Logger LOG = LoggerFactory.getLogger(SidebarReloader.class);

    record Snapshot(Map<Long, Subscription> subscriptions, List<SidebarItem> rows, MessageDisplay display) {}

    private final AppCore core;
    private final UiThreads threads;
    private final Consumer<Snapshot> apply;
    private final AtomicBoolean queued = new AtomicBoolean();

    SidebarReloader(AppCore core, UiThreads threads, Consumer<Snapshot> apply) {
        this.core = core;
        this.threads = threads;
        this.apply = apply;
    }

    void reload() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        threads.io().execute(() -> {
            queued.set(false);
            Snapshot snap;
            try {
                snap = read();
            } catch (StoreException e) {
                LOG.warn("Could not read the subscriptions: {}", e.getMessage());
                return;
            }
            threads.fx().execute(() -> apply.accept(snap));
        });
    }

    private Snapshot read() {
        MessageDisplay display;
        try {
            display = new MessageDisplay(ServerUrl.of(core.settings().defaultServer()));
        } catch (ProtocolException e) {
            display = MessageDisplay.withNtfyShDefault();
        }
        List<Subscription> subs = core.subscriptions().all();
        Map<Long, Subscription> byId = new LinkedHashMap<>();
        subs.forEach(s -> byId.put(s.id(), s));
        List<SidebarItem> rows =
                SidebarRows.build(subs, core.messages().unreadCounts(), core.connections(), core.problems(), display);
        return new Snapshot(byId, rows, display);
    }
}
