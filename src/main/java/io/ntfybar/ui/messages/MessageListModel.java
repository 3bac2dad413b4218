package io.ntfybar.ui.messages;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreException;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.ui.UiThreads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages of the selected subscription (or of all), newest first, loaded a page at a time as the user scrolls,
 * with live messages put in their place without moving what the user reads. State on the FX thread; store reads on
 * {@link UiThreads#io()}; a result that arrives after the user chose another subscription is dropped.
 *
 * <p>The list always holds a contiguous stretch of the newest messages in (time, row id) order. A store event may
 * concern a row that a page being read already holds, or one older than everything loaded (a catch-up still being
 * written when the window opened): events wait while a page is read and are applied against it, and a row older
 * than the oldest loaded one is left to the pages that follow.
 */
public final class MessageListModel {
    private static final Logger LOG = LoggerFactory.getLogger(MessageListModel.class);
    static final int PAGE_SIZE = 50;
    /** A jump to a message reads at most this many pages looking for it. */
    static final int MAX_JUMP_PAGES = 40;

    private final H2MessageStore store;
    private final UiThreads threads;
    private final Function<StoredMessage, MessageItem> items;
    private final ObservableList<MessageItem> list = FXCollections.observableArrayList();
    private final Set<Long> shown = new HashSet<>();
    /** Store events that came while a page was being read. */
    private final List<StoreUpdate> held = new ArrayList<>();

    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty exhausted = new SimpleBooleanProperty(this, "exhausted");
    private final IntegerProperty topIndex = new SimpleIntegerProperty(this, "topIndex");
    private final ObjectProperty<ScrollRequest> scroll = new SimpleObjectProperty<>(this, "scroll");
    private Predicate<StoredMessage> belongs = m -> false;
    private MessagePager pager;
    private long generation;
    private long serial;
    private int pagesLoaded;

    MessageListModel(H2MessageStore store, UiThreads threads, Function<StoredMessage, MessageItem> items) {
        this.store = store;
        this.threads = threads;
        this.items = items;
    }

    public ObservableList<MessageItem> items() {
        return list;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** True when every message was loaded. */
    public BooleanProperty exhaustedProperty() {
        return exhausted;
    }

    /** The index of the first visible item; the view keeps it current. */
    public IntegerProperty topIndexProperty() {
        return topIndex;
    }

    public ObjectProperty<ScrollRequest> scrollProperty() {
        return scroll;
    }

    /** Pages read from the store since the last {@link #open}: for the benchmark and tests. */
    public int pagesLoaded() {
        return pagesLoaded;
    }

    /**
     * Shows the messages of these subscriptions (one, or all for "All messages"), starting from the newest; with
     * {@code jumpTo} > 0, loads pages until that message is there (at most {@link #MAX_JUMP_PAGES}) and selects it.
     */
    void open(Collection<Long> subscriptionIds, long jumpTo) {
        generation++;
        Set<Long> ids = Set.copyOf(subscriptionIds);
        belongs = m -> ids.contains(m.subscriptionId());
        list.clear();
        shown.clear();
        held.clear(); // the new first page is read after this, so it holds whatever they added
        pagesLoaded = 0;
        topIndex.set(0);
        exhausted.set(false);
        pager = new MessagePager(store, ids, PAGE_SIZE);
        load(jumpTo);
    }

    /** Loads the next page unless one is loading or all are there; the view calls it near the end of the list. */
    public void loadMore() {
        if (!loading.get() && !exhausted.get() && pager != null) {
            load(0);
        }
    }

    /** Scrolls to a loaded message, or loads pages until it is found; false when it is not among the first pages. */
    void jumpTo(long rowId) {
        int i = indexOf(rowId);
        if (i >= 0) {
            scroll.set(new ScrollRequest(i, ScrollRequest.Mode.SELECT, ++serial));
        } else if (!exhausted.get() && !loading.get()) {
            load(rowId);
        }
    }

    private void load(long jumpTo) {
        long gen = generation;
        MessagePager p = pager;
        loading.set(true);
        threads.io().execute(() -> {
            List<MessageItem> page = new ArrayList<>();
            int pages = 0;
            boolean found = false;
            boolean end;
            try {
                do {
                    List<StoredMessage> next = p.next();
                    pages++;
                    next.forEach(m -> page.add(items.apply(m)));
                    found = jumpTo > 0 && next.stream().anyMatch(m -> m.rowId() == jumpTo);
                } while (jumpTo > 0 && !found && !p.exhausted() && pages < MAX_JUMP_PAGES);
                end = p.exhausted();
            } catch (StoreException e) {
                // Not stuck "loading" with events held for ever: the list shows what it has, and scrolling tries again.
                LOG.warn("Could not read the next messages: {}", e.getMessage());
                threads.fx().execute(() -> {
                    if (gen == generation) {
                        loading.set(false);
                        applyHeld();
                    }
                });
                return;
            }
            int read = pages;
            threads.fx().execute(() -> {
                if (gen != generation) {
                    return;
                }
                pagesLoaded += read;
                List<MessageItem> unseen = new ArrayList<>(page.size());
                for (MessageItem item : page) {
                    if (shown.add(item.rowId())) {
                        unseen.add(item);
                    }
                }
                // one change for the page: each change makes the list view re-measure every item it has
                list.addAll(unseen);
                exhausted.set(end);
                loading.set(false);
                applyHeld();
                if (jumpTo > 0) {
                    int i = indexOf(jumpTo);
                    if (i >= 0) {
                        scroll.set(new ScrollRequest(i, ScrollRequest.Mode.SELECT, ++serial));
                    }
                }
            });
        });
    }

    private void applyHeld() {
        List<StoreUpdate> waiting = List.copyOf(held);
        held.clear();
        apply(waiting);
    }

    /** FX thread: what the store changed, applied to the list now, or once the page being read is in. */
    void stored(List<StoreUpdate> updates) {
        if (loading.get()) {
            held.addAll(updates);
        } else {
            apply(updates);
        }
    }

    private void apply(List<StoreUpdate> updates) {
        List<MessageItem> fresh = new ArrayList<>();
        for (StoreUpdate u : updates) {
            if (u instanceof StoreUpdate.Added a) {
                StoredMessage m = a.stored();
                if (!belongs.test(m)) {
                    continue;
                }
                String seq = m.message().effectiveSequenceId();
                // a revision replaces the message it revises
                removeIf(i -> i.stored().subscriptionId() == m.subscriptionId()
                        && i.rowId() != m.rowId()
                        && i.stored().message().effectiveSequenceId().equals(seq));
                fresh.add(items.apply(m));
            } else if (u instanceof StoreUpdate.Cleared c) {
                list.stream()
                        .filter(i -> matches(i, c.subscriptionId(), c.sequenceId()))
                        .forEach(i -> i.readProperty().set(true));
            } else if (u instanceof StoreUpdate.Deleted d) {
                removeIf(i -> matches(i, d.subscriptionId(), d.sequenceId()));
            }
        }
        addLive(fresh);
    }

    private static boolean matches(MessageItem i, long subscriptionId, String sequenceId) {
        return i.stored().subscriptionId() == subscriptionId
                && i.stored().message().effectiveSequenceId().equals(sequenceId);
    }

    /**
     * Messages that belong here go to their place by (time, row id): nearly always the top. When the user has
     * scrolled down, the item at the top of the view stays where it is; at the top, the newest message shows. A
     * message older than every loaded one is the pager's, unless every page is in.
     */
    void addLive(List<MessageItem> fresh) {
        int top = topIndex.get();
        int above = 0;
        boolean atTop = false;
        for (MessageItem item : fresh) {
            StoredMessage m = item.stored();
            if (!belongs.test(m) || shown.contains(item.rowId())) {
                continue;
            }
            if (!list.isEmpty()
                    && !exhausted.get()
                    && MessagePager.NEWEST_FIRST.compare(
                                    m, list.get(list.size() - 1).stored())
                            > 0) {
                if (pager != null) {
                    pager.offer(m);
                }
                continue;
            }
            int at = 0;
            while (at < list.size()
                    && MessagePager.NEWEST_FIRST.compare(list.get(at).stored(), m) < 0) {
                at++;
            }
            list.add(at, item);
            shown.add(item.rowId());
            if (top > 0 && at <= top + above) {
                above++;
            }
            atTop |= at == 0;
        }
        if (above > 0) {
            topIndex.set(top + above);
            scroll.set(new ScrollRequest(top + above, ScrollRequest.Mode.KEEP_ANCHOR, ++serial));
        } else if (top == 0 && atTop) {
            scroll.set(new ScrollRequest(0, ScrollRequest.Mode.TOP, ++serial));
        }
    }

    /** Removes the items that match (deleted, superseded by a revision), keeping the reader's place. */
    void removeIf(Predicate<MessageItem> gone) {
        int top = topIndex.get();
        int above = 0;
        for (int i = list.size() - 1; i >= 0; i--) {
            MessageItem item = list.get(i);
            if (gone.test(item)) {
                list.remove(i);
                shown.remove(item.rowId());
                if (i < top) {
                    above++;
                }
            }
        }
        if (above > 0) {
            topIndex.set(top - above);
            scroll.set(new ScrollRequest(top - above, ScrollRequest.Mode.KEEP_ANCHOR, ++serial));
        }
    }

    void clear() {
        list.clear();
        shown.clear();
        exhausted.set(true);
    }

    int indexOf(long rowId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).rowId() == rowId) {
                return i;
            }
        }
        return -1;
    }
}
