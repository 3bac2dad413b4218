package io.ntfybar.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.TestUiThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Messages window's logic on the real core (H2 + engine) against the loopback test server, without a screen. The
 * test thread is the ViewModel's FX and I/O thread ({@link TestUiThreads}): {@code settle()} runs the queued work and
 * delivers the core's events, so what a test reads never changes under it.
 */
class MessagesViewModelTest {
    @TempDir
    Path home;

    TestCore t;
    TestUiThreads ui;
    MessagesViewModel vm;

    @BeforeEach
    void start() {
        t = TestCore.start(home);
        ui = new TestUiThreads();
        vm = new MessagesViewModel(t.core, ui.threads(), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        vm.stop();
        t.close();
    }

    /** Waits until the store holds them and the core has told its listeners (their events wait in {@link #ui}). */
    private void awaitStored(long subId, int count) throws InterruptedException {
        Await.value(
                count + " messages stored",
                () -> t.core.messages().unreadCounts().getOrDefault(subId, 0),
                n -> n == count);
        t.core.flush();
    }

    private void startAndSettle() {
        vm.start();
        ui.settle();
    }

    private void select(long subscriptionId) {
        vm.select(subscriptionId);
        ui.settle();
    }

    private void loadMore() {
        vm.list().loadMore();
        ui.settle();
    }

    private void publishAndSettle(String topic, String text) throws InterruptedException {
        t.publishAndWait(topic, text);
        ui.settle();
    }

    private static List<String> texts(List<MessageItem> items) {
        return items.stream().map(i -> i.stored().message().message()).toList();
    }

    private static List<String> numbered(String prefix, int newest, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> prefix + (newest - i))
                .toList();
    }

    private SidebarItem row(long id) {
        return vm.sidebar().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    @Test
    void pagesNewestFirstWithoutDuplicatesAndNeverLoadsMoreThanAsked() throws Exception {
        Subscription s = t.subscribe("many");
        t.server.publishMany("many", 120, i -> "message " + i);
        awaitStored(s.id(), 120);
        startAndSettle();
        select(s.id());

        List<MessageItem> items = vm.list().items();
        assertEquals(50, items.size(), "one page");
        assertEquals("message 119", items.get(0).stored().message().message());
        loadMore();
        assertEquals(100, items.size());
        assertFalse(vm.list().exhaustedProperty().get());
        loadMore();
        assertEquals(120, items.size());
        assertTrue(vm.list().exhaustedProperty().get());
        loadMore();
        assertEquals(120, items.size(), "nothing after the end");

        Set<Long> rows = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            assertEquals("message " + (119 - i), items.get(i).stored().message().message());
            assertTrue(rows.add(items.get(i).rowId()), "duplicate at " + i);
        }
        assertEquals(3, vm.list().pagesLoaded());
    }

    @Test
    void eventsOfACatchUpDeliveredAfterTheFirstPageLeaveOlderMessagesToPaging() throws Exception {
        Subscription s = t.subscribe("catch-up");
        vm.start(); // listening from here on, but nothing read yet
        t.server.publishMany("catch-up", 120, i -> "message " + i);
        awaitStored(s.id(), 120); // every event now waits for the test to deliver it

        ui.runIo(); // the sidebar, then the first page: all 120 are committed, so it holds the newest 50
        assertEquals(numbered("message ", 119, 50), texts(vm.list().items()));
        ui.deliverEvents(); // the catch-up's events arrive after the page, as when a window opens during one
        ui.settle();

        assertEquals(numbered("message ", 119, 50), texts(vm.list().items()), "the page, nothing on top");
        loadMore();
        loadMore();
        assertEquals(numbered("message ", 119, 120), texts(vm.list().items()), "every message once, in order");
        assertTrue(vm.list().exhaustedProperty().get());
    }

    @Test
    void eventsThatArriveWhileThePageIsReadWaitForIt() throws Exception {
        Subscription quiet = t.subscribe("quiet");
        Subscription busy = t.subscribe("busy");
        t.publishAndWait("quiet", "hello");
        startAndSettle();
        select(quiet.id());
        t.server.publishMany("busy", 120, i -> "message " + i);
        awaitStored(busy.id(), 120);

        vm.select(busy.id()); // the page is asked for, not read yet
        assertTrue(vm.list().loadingProperty().get());
        ui.deliverEvents(); // the events come while it is being read
        ui.runIo();
        ui.settle();

        assertEquals(numbered("message ", 119, 50), texts(vm.list().items()));
        loadMore();
        loadMore();
        assertEquals(numbered("message ", 119, 120), texts(vm.list().items()));
    }

    @Test
    void allMessagesMergesSubscriptionsNewestFirstAcrossPages() {
        Subscription a = t.core.subscriptions().add(Subscription.of(t.server.baseUrl(), "odd"));
        Subscription b = t.core.subscriptions().add(Subscription.of(t.server.baseUrl(), "even"));
        long base = 1_700_000_000L;
        for (int i = 0; i < 130; i++) {
            Subscription s = i % 2 == 0 ? b : a;
            SampleMessages.store(
                    t.core.messages(),
                    s,
                    SampleMessages.message(
                            s.topic(), base + i, null, "at " + i, 3, List.of(), null, List.of(), null, false));
        }
        startAndSettle(); // selects "All messages"
        assertEquals(SidebarItem.ALL, vm.selectedProperty().get());
        loadMore();
        loadMore();
        List<MessageItem> items = vm.list().items();
        assertEquals(130, items.size());
        for (int i = 0; i < 130; i++) {
            assertEquals("at " + (129 - i), items.get(i).stored().message().message());
        }
        assertEquals("even", items.get(1).subscriptionName().replaceFirst(".*/", ""));
    }

    @Test
    void liveMessageGoesOnTopAndKeepsTheAnchorWhenScrolledDown() throws Exception {
        Subscription s = t.subscribe("live");
        t.server.publishMany("live", 60, i -> "old " + i);
        awaitStored(s.id(), 60);
        startAndSettle();
        select(s.id());
        List<MessageItem> items = vm.list().items();
        MessageItem reading = items.get(10);
        vm.list().topIndexProperty().set(10);

        publishAndSettle("live", "fresh one");

        assertEquals("fresh one", items.get(0).stored().message().message());
        ScrollRequest r = vm.list().scrollProperty().get();
        assertEquals(ScrollRequest.Mode.KEEP_ANCHOR, r.mode());
        assertSame(reading, items.get(r.index()), "the item the user was reading stays the anchor");
        assertEquals(11, vm.list().topIndexProperty().get());

        vm.list().topIndexProperty().set(0);
        publishAndSettle("live", "fresher");
        assertEquals("fresher", items.get(0).stored().message().message());
        assertEquals(ScrollRequest.Mode.TOP, vm.list().scrollProperty().get().mode());
        assertEquals(52, items.size(), "one page and the two live ones");
        assertEquals(62, row(s.id()).unread(), "the sidebar counts live messages");
    }

    @Test
    void liveMessageOfAnotherSubscriptionIsNotListed() throws Exception {
        Subscription shown = t.subscribe("shown");
        t.subscribe("other");
        startAndSettle();
        select(shown.id());
        publishAndSettle("other", "elsewhere");
        assertTrue(vm.list().items().isEmpty());
        assertEquals(EmptyState.Kind.NO_MESSAGES, vm.emptyStateProperty().get().kind());
    }

    @Test
    void searchFindsMessagesAcrossTwoSubscriptionsAndJumpsToOne() throws Exception {
        Subscription kitchen = t.subscribe("kitchen");
        Subscription garage = t.subscribe("garage");
        t.publishAndWait("kitchen", "kettle boiled");
        t.publishAndWait("garage", "door open");
        t.publishAndWait("garage", "kettle in the garage?");
        startAndSettle();

        vm.search().queryProperty().set("KETTLE");
        ui.settle();
        List<MessageItem> found = vm.search().results();
        assertEquals(2, found.size());
        assertEquals("kettle in the garage?", found.get(0).stored().message().message());
        assertTrue(found.get(0).subscriptionName().endsWith("/garage"));
        assertTrue(found.get(1).subscriptionName().endsWith("/kitchen"));

        vm.search().queryProperty().set("kettle nothing");
        ui.settle();
        assertTrue(vm.search().results().isEmpty());
        assertEquals(EmptyState.Kind.NO_RESULTS, vm.emptyStateProperty().get().kind());

        vm.search().queryProperty().set("kettle boiled");
        ui.settle();
        vm.jumpTo(vm.search().results().get(0));
        ui.settle();
        assertEquals("", vm.search().queryProperty().get(), "jumping leaves the search");
        assertEquals(kitchen.id(), vm.selectedProperty().get());
        ScrollRequest r = vm.list().scrollProperty().get();
        assertEquals(ScrollRequest.Mode.SELECT, r.mode());
        assertEquals(
                "kettle boiled",
                vm.list().items().get(r.index()).stored().message().message());
        assertNotNull(garage);
    }

    @Test
    void showLoadsPagesUntilTheMessageIsThereAndSelectsIt() throws Exception {
        Subscription s = t.subscribe("deep");
        t.server.publishMany("deep", 130, i -> "deep " + i);
        awaitStored(s.id(), 130);
        StoredMessage old = t.core.messages().search("deep 3", 200).stream()
                .filter(m -> m.message().message().equals("deep 3"))
                .findFirst()
                .orElseThrow();
        startAndSettle();
        vm.show(s.id(), old.rowId());
        ui.settle();
        ScrollRequest r = vm.list().scrollProperty().get();
        assertEquals(ScrollRequest.Mode.SELECT, r.mode());
        assertEquals(old.rowId(), vm.list().items().get(r.index()).rowId());
        assertEquals(126, r.index());
    }

    @Test
    void readingAndMarkAllReadUpdateTheUnreadCounts() throws Exception {
        Subscription a = t.subscribe("a");
        Subscription b = t.subscribe("b");
        t.publishAndWait("a", "one");
        t.publishAndWait("a", "two");
        t.publishAndWait("a", "three");
        t.publishAndWait("b", "other");
        startAndSettle();
        assertEquals(4, row(SidebarItem.ALL).unread());
        select(a.id());
        assertEquals(3, row(a.id()).unread());

        MessageItem first = vm.list().items().get(0);
        vm.selectionSettled(first);
        ui.settle();
        assertTrue(first.isRead());
        assertEquals(2, row(a.id()).unread());
        assertEquals(2, t.core.messages().unreadCounts().get(a.id()));

        vm.toggleRead(first);
        ui.settle();
        assertFalse(first.isRead());
        assertEquals(3, row(a.id()).unread());

        vm.markAllRead();
        ui.settle();
        assertEquals(0, row(a.id()).unread());
        assertEquals(1, row(b.id()).unread(), "only the selected subscription");
        assertEquals(1, row(SidebarItem.ALL).unread());
        assertTrue(vm.list().items().stream().allMatch(MessageItem::isRead));
    }

    @Test
    void readStateChangedElsewhereShowsOnLoadedMessagesAndSearchResults() throws Exception {
        Subscription s = t.subscribe("door");
        t.publishAndWait("door", "front door opened");
        t.publishAndWait("door", "back door opened");
        startAndSettle();
        select(s.id());
        vm.search().queryProperty().set("front");
        ui.settle();
        MessageItem listed = vm.list().items().stream()
                .filter(i -> i.stored().message().message().equals("front door opened"))
                .findFirst()
                .orElseThrow();
        MessageItem found = vm.search().results().get(0);
        MessageItem other =
                vm.list().items().stream().filter(i -> i != listed).findFirst().orElseThrow();
        assertFalse(listed.isRead());
        assertFalse(found.isRead());

        // Another part of the app (the tray, a notification click) marks it read through the core.
        t.core.setRead(List.of(listed.stored()), true);
        ui.settle();
        assertTrue(listed.isRead(), "the loaded message's dot goes");
        assertTrue(found.isRead(), "and the search result's");
        assertFalse(other.isRead(), "only that message");
        assertEquals(1, row(s.id()).unread());

        t.core.setRead(List.of(listed.stored()), false);
        ui.settle();
        assertFalse(listed.isRead());
        assertFalse(found.isRead());
    }

    @Test
    void deleteHidesAndClearAllEmptiesTheSubscription() throws Exception {
        Subscription s = t.subscribe("trash");
        Subscription keep = t.subscribe("keep");
        for (String text : List.of("first", "second", "third")) {
            t.publishAndWait("trash", text);
        }
        t.publishAndWait("keep", "stays");
        startAndSettle();
        select(s.id());
        MessageItem second = vm.list().items().get(1);
        vm.delete(second);
        ui.settle();
        assertEquals(2, vm.list().items().size());
        assertTrue(t.core.messages().page(s.id(), null, 10).stream().noneMatch(m -> m.rowId() == second.rowId()));

        vm.clearAll();
        ui.settle();
        assertTrue(vm.list().items().isEmpty());
        assertTrue(t.core.messages().page(s.id(), null, 10).isEmpty());
        assertEquals(0, row(s.id()).unread());
        assertEquals(1, t.core.messages().page(keep.id(), null, 10).size());
        assertEquals(EmptyState.Kind.NO_MESSAGES, vm.emptyStateProperty().get().kind());
    }

    @Test
    void aRefusedTopicSaysItNeedsALoginAndWhatToDo() {
        t.server.auth().enable("deny-all");
        Subscription s = t.core.subscriptions().add(Subscription.of(t.server.baseUrl(), "private"));
        t.core.subscriptionsChanged();
        startAndSettle();
        Await.value(
                "the sidebar row says it needs a login",
                () -> {
                    ui.settle();
                    return row(s.id()).status();
                },
                status -> status == SidebarItem.Status.NEEDS_LOGIN);
        SidebarItem r = row(s.id());
        assertEquals("Needs login", r.statusText());
        assertTrue(r.problem().contains("needs a login"), r.problem());
        assertEquals("Log in again in the subscription settings.", r.advice());
        select(s.id());
        EmptyState e = vm.emptyStateProperty().get();
        assertEquals(EmptyState.Kind.PROBLEM, e.kind());
        assertTrue(e.detail().contains("Log in again in the subscription settings."), e.detail());
    }

    @Test
    void noSubscriptionsSaysHowToStart() {
        startAndSettle();
        assertTrue(vm.sidebar().isEmpty());
        EmptyState e = vm.emptyStateProperty().get();
        assertEquals(EmptyState.Kind.NO_SUBSCRIPTIONS, e.kind());
        assertEquals("Subscribe to a topic to see its messages here.", e.detail());
    }

    @Test
    void copyPutsTitleAndBodyOnTheClipboard() throws Exception {
        Subscription s = t.subscribe("copy");
        t.server.publish("copy", "the body", Map.of("Title", "the title"));
        awaitStored(s.id(), 1);
        startAndSettle();
        select(s.id());
        List<String> clip = new java.util.ArrayList<>();
        vm.setClipboard(clip::add);
        vm.copy(vm.list().items().get(0));
        ui.settle();
        assertEquals(List.of("the title\nthe body"), clip);
        assertEquals("Copied to the clipboard.", vm.noticeProperty().get());
    }
}
