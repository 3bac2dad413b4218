package io.ntfybar.ui.messages;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.store.H2MessageStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Pages of messages newest first, with the store's keyset paging: of one subscription, or of several merged (the
 * "All messages" view) by keeping a small buffer per subscription, so no page ever reads more than it shows plus one
 * page per subscription. Not thread-safe: used by one task at a time, on the I/O thread while a page is read and
 * on the FX thread ({@link #offer}) only while none is.
 */
final class MessagePager {
    /** Newest first, as the store orders a page. */
    static final Comparator<StoredMessage> NEWEST_FIRST = Comparator.comparingLong(
                    (StoredMessage m) -> m.message().time())
            .thenComparingLong(StoredMessage::rowId)
            .reversed();

    private final H2MessageStore store;
    private final int pageSize;
    private final Map<Long, Source> sources = new LinkedHashMap<>();

    MessagePager(H2MessageStore store, Collection<Long> subscriptionIds, int pageSize) {
        this.store = store;
        this.pageSize = pageSize;
        subscriptionIds.forEach(id -> sources.put(id, new Source(id)));
    }

    /** The next page, empty when every message was returned. */
    List<StoredMessage> next() {
        List<StoredMessage> out = new ArrayList<>(pageSize);
        while (out.size() < pageSize) {
            Source best = null;
            for (Source s : sources.values()) {
                StoredMessage head = s.head();
                if (head != null && (best == null || NEWEST_FIRST.compare(head, best.head()) < 0)) {
                    best = s;
                }
            }
            if (best == null) {
                break;
            }
            out.add(best.take());
        }
        return out;
    }

    /**
     * A message stored after paging began that is older than every message returned so far: it goes into its
     * subscription's buffer when the store has already been read past its place, else the store's next read finds it.
     */
    void offer(StoredMessage m) {
        Source s = sources.get(m.subscriptionId());
        if (s != null) {
            s.offer(m);
        }
    }

    boolean exhausted() {
        return sources.values().stream().allMatch(s -> s.head() == null);
    }

    /** One subscription's buffered page and where its next page starts. */
    private final class Source {
        private final long subscriptionId;
        private final NavigableSet<StoredMessage> buffer = new TreeSet<>(NEWEST_FIRST);
        private StoredMessage last;
        private boolean done;

        Source(long subscriptionId) {
            this.subscriptionId = subscriptionId;
        }

        StoredMessage head() {
            if (buffer.isEmpty() && !done) {
                List<StoredMessage> page = store.page(subscriptionId, last, pageSize);
                if (page.size() < pageSize) {
                    done = true;
                }
                if (!page.isEmpty()) {
                    last = page.get(page.size() - 1);
                    buffer.addAll(page);
                }
            }
            return buffer.isEmpty() ? null : buffer.first();
        }

        void offer(StoredMessage m) {
            if (done || (last != null && NEWEST_FIRST.compare(m, last) < 0)) {
                buffer.add(m);
            }
        }

        StoredMessage take() {
            return buffer.pollFirst();
        }
    }
}
