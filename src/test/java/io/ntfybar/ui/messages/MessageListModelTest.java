package io.ntfybar.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.ui.TestUiThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where store events put messages in the list, on a real H2 store: by (time, row id), never above newer ones, and a
 * message older than everything loaded is left to the pages that follow, also when "All messages" merges several
 * subscriptions whose next rows are already buffered.
 */
class MessageListModelTest {
    private static final long T0 = 1_700_000_000L;
    private static final MessageDisplay DISPLAY = MessageDisplay.withNtfyShDefault();

    @TempDir
    Path dir;

    Database db;
    H2MessageStore store;
    SubscriptionStore subscriptions;
    TestUiThreads ui;
    MessageListModel list;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        store = new H2MessageStore(db);
        subscriptions = new SubscriptionStore(db);
        ui = new TestUiThreads();
        list = new MessageListModel(
                store,
                ui.threads(),
                m -> new MessageItem(m, DISPLAY.render(m.message(), DISPLAY.defaultServer(), null), "t"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Subscription subscription(String topic) {
        return subscriptions.add(Subscription.of("https://ntfy.example.com", topic));
    }

    /** Stores one message dated {@code T0 + second} and returns the store's event for it. */
    private List<StoreUpdate> store(Subscription s, long second, String text) {
        return store.store(
                s.id(),
                List.of(SampleMessages.message(
                        s.topic(), T0 + second, null, text, 3, List.of(), null, List.of(), null, false)),
                false);
    }

    private List<String> texts() {
        return list.items().stream().map(i -> i.stored().message().message()).toList();
    }

    private void loadAll() {
        while (!list.exhaustedProperty().get()) {
            list.loadMore();
            ui.settle();
        }
    }

    /** A subscription with "at 0" ... "at 90", ten seconds apart, opened in the list. */
    private Subscription openTenMessages(String topic) {
        Subscription s = subscription(topic);
        for (int i = 0; i < 10; i++) {
            store(s, i * 10, "at " + i * 10);
        }
        list.open(List.of(s.id()), 0);
        ui.settle();
        return s;
    }

    @Test
    void aLateMessageDatedBetweenLoadedOnesGoesToItsPlace() {
        Subscription s = openTenMessages("late");
        list.topIndexProperty().set(0);

        list.stored(store(s, 55, "at 55")); // a delayed message whose time lies between two shown ones
        list.stored(store(s, 200, "at 200"));

        assertEquals(
                List.of(
                        "at 200", "at 90", "at 80", "at 70", "at 60", "at 55", "at 50", "at 40", "at 30", "at 20",
                        "at 10", "at 0"),
                texts());
        assertEquals(ScrollRequest.Mode.TOP, list.scrollProperty().get().mode());
    }

    @Test
    void aMessageBelowTheReadersPlaceDoesNotMoveIt() {
        Subscription s = openTenMessages("anchor");
        list.topIndexProperty().set(2); // "at 70" is the top row of the view
        ScrollRequest before = list.scrollProperty().get();

        list.stored(store(s, 15, "at 15")); // below the view's top: nothing above the reader moves

        assertEquals(2, list.topIndexProperty().get());
        assertEquals(before, list.scrollProperty().get());

        list.stored(store(s, 75, "at 75")); // above it: the reader's row moves down by one and stays in view
        assertEquals(3, list.topIndexProperty().get());
        assertEquals("at 70", list.items().get(3).stored().message().message());
        assertEquals(ScrollRequest.Mode.KEEP_ANCHOR, list.scrollProperty().get().mode());
    }

    @Test
    void aMessageOlderThanEveryLoadedOneIsLeftToPaging() {
        Subscription s = subscription("old");
        for (int i = 0; i < 120; i++) {
            store(s, 1000 + i, "m" + i);
        }
        list.open(List.of(s.id()), 0);
        ui.settle();
        assertEquals(MessageListModel.PAGE_SIZE, list.items().size());

        list.stored(store(s, 500, "older than all"));
        list.stored(store(s, 1050, "among the next page"));
        assertEquals(MessageListModel.PAGE_SIZE, list.items().size(), "the first page is untouched");

        loadAll();
        List<String> texts = texts();
        assertEquals(122, texts.size());
        assertEquals("older than all", texts.get(121));
        // same second as m50 but stored later: newer by row id
        assertEquals(texts.indexOf("m51") + 1, texts.indexOf("among the next page"));
        assertEquals(texts.indexOf("among the next page") + 1, texts.indexOf("m50"));
        assertNewestFirstWithoutDuplicates();
    }

    @Test
    void allMessagesTakesALateOldMessageIntoTheBufferItWasAlreadyReadPast() {
        Subscription a = subscription("a");
        Subscription b = subscription("b");
        // a's messages are all newer than b's: the first page is all a's, while b's first page sits in the buffer
        for (int i = 0; i < 60; i++) {
            store(a, 1000 + i, "a" + i);
            store(b, i, "b" + i);
        }
        list.open(List.of(a.id(), b.id()), 0);
        ui.settle();
        assertEquals("a10", texts().get(MessageListModel.PAGE_SIZE - 1));

        // older than everything shown, newer than b's buffered page's end: only the buffer can still place it
        list.stored(store(b, 30, "late b"));
        list.stored(store(b, 60, "newest b"));

        loadAll();
        List<String> texts = texts();
        assertEquals(122, texts.size());
        assertEquals(texts.indexOf("a0") + 1, texts.indexOf("newest b"));
        assertEquals(texts.indexOf("late b") + 1, texts.indexOf("b30"));
        assertNewestFirstWithoutDuplicates();
    }

    @Test
    void onceEveryPageIsInAnOldMessageGoesToTheEnd() {
        Subscription s = subscription("short");
        store(s, 100, "new");
        list.open(List.of(s.id()), 0);
        ui.settle();
        assertTrue(list.exhaustedProperty().get());

        list.stored(store(s, 1, "old"));

        assertEquals(List.of("new", "old"), texts());
    }

    @Test
    void aPageTheStoreCannotReadEndsTheLoadingAndAppliesWhatWaited() {
        Subscription s = subscription("failing");
        for (int i = 0; i < 3 * MessageListModel.PAGE_SIZE; i++) {
            store(s, i, "m" + i);
        }
        list.open(List.of(s.id()), 0);
        ui.settle();
        List<StoreUpdate> late = store(s, 1000, "newest");
        db.close(); // every read fails from here on: the next page is in memory, the one after is not

        list.loadMore();
        list.stored(late); // waits for the page being read
        ui.settle();

        assertFalse(list.loadingProperty().get(), "not stuck loading");
        assertFalse(list.exhaustedProperty().get(), "scrolling may try again");
        assertEquals("newest", texts().get(0));
        assertEquals(MessageListModel.PAGE_SIZE + 1, list.items().size());
    }

    private void assertNewestFirstWithoutDuplicates() {
        List<StoredMessage> ms = new ArrayList<>();
        list.items().forEach(i -> ms.add(i.stored()));
        for (int i = 1; i < ms.size(); i++) {
            assertTrue(
                    MessagePager.NEWEST_FIRST.compare(ms.get(i - 1), ms.get(i)) < 0,
                    "out of order at " + i + ": " + ms.get(i - 1).message().message() + " before "
                            + ms.get(i).message().message());
        }
    }
}
