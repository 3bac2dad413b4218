package io.ntfybar.ui.messages;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.CoreListener;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Messages window's state and logic: the sidebar (subscriptions, unread counts, connection states), the message
 * list of the selected subscription, search, read state, deletion, actions; kept live by a {@link CoreListener}.
 * No nodes here. FX thread only; the core is called on {@link UiThreads#io()}.
 */
public final class MessagesViewModel {
    private static final UiText TEXT = UiText.of(MessagesViewModel.class);
    static final int BULK_CHUNK = 1000;

    private final AppCore core;
    private final UiThreads threads;
    private final ObservableList<SidebarItem> sidebar = FXCollections.observableArrayList();
    private final LongProperty selected = new SimpleLongProperty(this, "selected", 0);
    private final ObjectProperty<SidebarItem> selectedItem = new SimpleObjectProperty<>(this, "selectedItem");
    private final StringProperty notice = new SimpleStringProperty(this, "notice");
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(this, "now", Instant.now());
    private final MessageListModel list;
    private final SearchModel search;
    private final ActionsModel actions;
    private final ObjectBinding<EmptyState> empty;
    private final CoreListener listener = new Listener();
    private final SidebarReloader reloader;
    private volatile Map<Long, Subscription> subscriptions = Map.of();
    private volatile MessageDisplay display = MessageDisplay.withNtfyShDefault();
    private boolean loadedOnce;
    private long pendingJump;

    public MessagesViewModel(AppCore core, UiThreads threads) {
        this(core, threads, Duration.ofMillis(250));
    }

    MessagesViewModel(AppCore core, UiThreads threads, Duration searchDebounce) {
        this.core = core;
        this.threads = threads;
        this.actions = new ActionsModel(core, threads, notice, this::baseUrlOf);
        this.list = new MessageListModel(core.messages(), threads, this::item);
        this.search = new SearchModel(core.messages(), threads, this::item, searchDebounce);
        this.reloader = new SidebarReloader(core, threads, this::applySidebar);
        this.empty = Bindings.createObjectBinding(
                this::emptyState,
                sidebar,
                selectedItem,
                list.items(),
                list.loadingProperty(),
                search.activeProperty(),
                search.results(),
                search.searchingProperty());
    }

    /** Starts listening to the core and loads the sidebar; then selects "All messages" unless told otherwise. */
    public void start() {
        core.addListener(listener);
        reloader.reload();
    }

    public void stop() {
        core.removeListener(listener);
    }

    public ObservableList<SidebarItem> sidebar() {
        return sidebar;
    }

    /** The selected subscription id, {@link SidebarItem#ALL}, or 0 before the first load. */
    public LongProperty selectedProperty() {
        return selected;
    }

    public ObjectProperty<SidebarItem> selectedItemProperty() {
        return selectedItem;
    }

    public MessageListModel list() {
        return list;
    }

    public SearchModel search() {
        return search;
    }

    public ObjectBinding<EmptyState> emptyStateProperty() {
        return empty;
    }

    /** The last thing to tell the user (copied, a refused link, a failed save), or null. */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** The time relative times are counted from; the view moves it every minute. */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    /** Selects a subscription ({@link SidebarItem#ALL} for every message) and shows its newest messages. */
    public void select(long subscriptionId) {
        if (subscriptionId == selected.get()) {
            return;
        }
        selected.set(subscriptionId);
        selectedItem.set(sidebar.stream()
                .filter(i -> i.id() == subscriptionId)
                .findFirst()
                .orElse(null));
        list.open(subscriptionId == SidebarItem.ALL ? subscriptions.keySet() : List.of(subscriptionId), 0);
    }

    /** Shows a subscription (0: keep the current one) scrolled to a message (0: none), as the window's show does. */
    public void show(long subscriptionId, long rowId) {
        if (!loadedOnce) {
            pendingJump = rowId;
            if (subscriptionId != 0) {
                selected.set(subscriptionId);
            }
            return;
        }
        search.queryProperty().set("");
        long target = subscriptionId != 0 ? subscriptionId : selected.get();
        if (target != selected.get() && rowId > 0) {
            selected.set(target);
            selectedItem.set(
                    sidebar.stream().filter(i -> i.id() == target).findFirst().orElse(null));
            list.open(target == SidebarItem.ALL ? subscriptions.keySet() : List.of(target), rowId);
        } else {
            select(target);
            if (rowId > 0) {
                list.jumpTo(rowId);
            }
        }
    }

    /** A search result was chosen: leave the search and show that message in its subscription. */
    public void jumpTo(MessageItem item) {
        show(item.stored().subscriptionId(), item.rowId());
    }

    /** The user stayed on a message for a moment (the view waits): it is read now, as mail apps do. */
    public void selectionSettled(MessageItem item) {
        if (item != null && !item.isRead()) {
            setRead(List.of(item), true);
        }
    }

    public void setRead(List<MessageItem> items, boolean read) {
        items.forEach(i -> i.readProperty().set(read));
        List<StoredMessage> ms = items.stream().map(MessageItem::stored).toList();
        threads.io().execute(() -> core.setRead(ms, read));
    }

    public void toggleRead(MessageItem item) {
        setRead(List.of(item), !item.isRead());
    }

    /** Marks every message of the selected subscription (or of all) read, loaded or not. */
    public void markAllRead() {
        List<Long> ids = selectedIds();
        list.items().forEach(i -> i.readProperty().set(true));
        search.results().forEach(i -> i.readProperty().set(true));
        threads.io().execute(() -> inChunks(ids, true, chunk -> core.setRead(chunk, true)));
    }

    public void delete(MessageItem item) {
        list.removeIf(i -> i.rowId() == item.rowId());
        search.results().removeIf(i -> i.rowId() == item.rowId());
        threads.io().execute(() -> core.delete(List.of(item.stored())));
    }

    /** Deletes every message of the selected subscription (or of all); the view asks first. */
    public void clearAll() {
        List<Long> ids = selectedIds();
        list.clear();
        search.results().removeIf(i -> ids.contains(i.stored().subscriptionId()));
        threads.io().execute(() -> inChunks(ids, false, core::delete));
    }

    /** The text of a message for the clipboard: title and body. */
    public String copyText(MessageItem item) {
        String title = item.display().title();
        String body = item.display().body();
        return body.isEmpty() ? title : title + "\n" + body;
    }

    public void copy(MessageItem item) {
        actions.copy(copyText(item));
    }

    public void setClipboard(Consumer<String> clipboard) {
        actions.setClipboard(clipboard);
    }

    public void runAction(MessageItem item, int index) {
        actions.run(item, index);
    }

    /** Opens a link from a message (click URL, markdown, bare URL) by the core's rules. */
    public void openLink(String url) {
        actions.openLink(url, reason -> {});
    }

    public void requestPreview(MessageItem item, boolean asked) {
        actions.preview(item, asked);
    }

    public void openAttachment(MessageItem item) {
        actions.openAttachment(item);
    }

    public void saveAttachment(MessageItem item, java.nio.file.Path target) {
        actions.saveAttachment(item, target);
    }

    /** The URL of the selected topic for the publish window, or null for "All messages". */
    public String selectedTopicUrl() {
        SidebarItem s = selectedItem.get();
        return s == null ? null : s.topicUrl();
    }

    private List<Long> selectedIds() {
        long s = selected.get();
        return s == SidebarItem.ALL ? List.copyOf(subscriptions.keySet()) : List.of(s);
    }

    /** I/O thread: every visible message of these subscriptions (only unread ones when asked), a chunk at a time. */
    private void inChunks(List<Long> ids, boolean unreadOnly, Consumer<List<StoredMessage>> work) {
        for (long id : ids) {
            StoredMessage last = null;
            List<StoredMessage> all = new ArrayList<>();
            while (true) {
                List<StoredMessage> page = core.messages().page(id, last, BULK_CHUNK);
                page.stream().filter(m -> !unreadOnly || !m.read()).forEach(all::add);
                if (page.size() < BULK_CHUNK) {
                    break;
                }
                last = page.get(page.size() - 1);
            }
            // after the reads: deleting while paging would move the pages
            for (int i = 0; i < all.size(); i += BULK_CHUNK) {
                work.accept(all.subList(i, Math.min(all.size(), i + BULK_CHUNK)));
            }
        }
    }

    /** Any thread: the item for a stored message, with the display rules, its subscription's name and known states. */
    MessageItem item(StoredMessage m) {
        Subscription s = subscriptions.get(m.subscriptionId());
        ServerUrl server = server(s == null ? null : s.baseUrl());
        MessageDisplay d = display;
        String name = s == null ? m.message().topic() : d.topicDisplayName(server, s.topic(), s.displayName());
        return actions.restore(
                new MessageItem(m, d.render(m.message(), server, s == null ? null : s.displayName()), name));
    }

    private String baseUrlOf(long subscriptionId) {
        Subscription s = subscriptions.get(subscriptionId);
        return s == null ? display.defaultServer().value() : s.baseUrl();
    }

    private ServerUrl server(String baseUrl) {
        try {
            return baseUrl == null ? display.defaultServer() : ServerUrl.of(baseUrl);
        } catch (ProtocolException e) {
            return display.defaultServer();
        }
    }

    /** FX thread: a fresh sidebar from the reloader. */
    private void applySidebar(SidebarReloader.Snapshot snap) {
        java.util.Set<Long> before = subscriptions.keySet();
        subscriptions = snap.subscriptions();
        display = snap.display();
        if (!sidebar.equals(snap.rows())) {
            sidebar.setAll(snap.rows());
        }
        long sel = selected.get();
        boolean exists = sel == SidebarItem.ALL ? !snap.rows().isEmpty() : subscriptions.containsKey(sel);
        if (!loadedOnce) {
            loadedOnce = true;
            long jump = pendingJump;
            long target = exists ? sel : SidebarItem.ALL;
            selected.set(0);
            selectedItem.set(null);
            if (jump > 0) {
                show(target, jump);
            } else {
                select(target);
            }
        } else if (!exists) {
            select(SidebarItem.ALL);
        } else {
            selectedItem.set(
                    sidebar.stream().filter(i -> i.id() == sel).findFirst().orElse(null));
            if (sel == SidebarItem.ALL && !snap.subscriptions().keySet().equals(before)) {
                selected.set(0);
                select(SidebarItem.ALL); // a subscription came or went: "All" lists another set
            }
        }
    }

    private EmptyState emptyState() {
        return EmptyStates.of(
                loadedOnce,
                sidebar.isEmpty(),
                selectedItem.get(),
                list.loadingProperty().get(),
                search);
    }

    /** The shown items of a message: in the list, in the search results, or both. */
    private List<MessageItem> loaded(long rowId) {
        List<MessageItem> out = new ArrayList<>();
        int i = list.indexOf(rowId);
        if (i >= 0) {
            out.add(list.items().get(i));
        }
        search.results().stream().filter(r -> r.rowId() == rowId).forEach(out::add);
        return out;
    }

    private final class Listener implements CoreListener {
        @Override
        public void onStored(List<StoreUpdate> updates) {
            threads.fx().execute(() -> list.stored(updates));
            reloader.reload();
        }

        @Override
        public void onMessagesChanged() {
            reloader.reload();
        }

        @Override
        public void onReadChanged(List<Long> rowIds, boolean read) {
            Set<Long> ids = Set.copyOf(rowIds);
            threads.fx().execute(() -> {
                for (List<MessageItem> items : List.of(list.items(), search.results())) {
                    items.stream().filter(i -> ids.contains(i.rowId())).forEach(i -> i.readProperty()
                            .set(read));
                }
            });
        }

        @Override
        public void onSubscriptionsChanged() {
            reloader.reload();
        }

        @Override
        public void onConnection(io.ntfybar.subscribe.ConnectionState.Report report) {
            reloader.reload();
        }

        @Override
        public void onTopicProblem(io.ntfybar.subscribe.TopicProblem problem) {
            reloader.reload();
        }

        @Override
        public void onActionResult(StoredMessage message, int index, boolean success, String reason) {
            threads.fx().execute(() -> {
                ActionState state = ActionState.of(success, reason);
                actions.outcome(null, message.rowId(), index, state);
                loaded(message.rowId()).stream()
                        .filter(i -> index < i.actionCount())
                        .forEach(i -> i.action(index).set(state));
            });
        }
    }
}
