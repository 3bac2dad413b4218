package io.ntfybar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Action;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2MessageStoreTest {
    @TempDir
    Path dir;

    private Database db;
    private H2MessageStore store;
    private Subscription alerts;
    private Subscription backups;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        store = new H2MessageStore(db);
        SubscriptionStore subs = new SubscriptionStore(db);
        alerts = subs.add(Subscription.of("https://ntfy.sh", "alerts"));
        backups = subs.add(Subscription.of("https://ntfy.example.com", "backups"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Message msg(String id, long time, String text) {
        return Message.simple(id, time, "alerts", null, text);
    }

    private static Message withSequence(String id, long time, String seq, String text) {
        return new Message(
                id, time, null, "message", "alerts", null, text, 3, List.of(), null, null, List.of(), null, null, null,
                null, seq);
    }

    private static Message event(Event e, String id, long time, String seq) {
        return new Message(
                id,
                time,
                null,
                e.wireName(),
                "alerts",
                null,
                null,
                3,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                seq);
    }

    @Test
    void aReplayedMessageIsStoredOnceAndReportedOnce() {
        List<StoreUpdate> first = store.store(alerts.id(), List.of(msg("aaaaaaaaaaaa", 100, "one")), true);
        List<StoreUpdate> replay = store.store(
                alerts.id(), List.of(msg("aaaaaaaaaaaa", 100, "one"), msg("bbbbbbbbbbbb", 101, "two")), true);
        assertEquals(1, first.size());
        assertEquals(1, replay.size());
        assertEquals(
                "bbbbbbbbbbbb",
                ((StoreUpdate.Added) replay.get(0)).stored().message().id());
        assertEquals(2, store.page(alerts.id(), null, 10).size());
    }

    @Test
    void sameIdOnAnotherSubscriptionIsADifferentMessage() {
        store.store(alerts.id(), List.of(msg("aaaaaaaaaaaa", 100, "one")), true);
        assertEquals(
                1,
                store.store(backups.id(), List.of(msg("aaaaaaaaaaaa", 100, "one")), true)
                        .size());
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Message full = new Message(
                "sPs71M8A2Tab",
                1643935928L,
                1643979128L,
                "message",
                "alerts",
                "Unauthorized access",
                "Movement **detected**",
                5,
                List.of("warning", "skull", "cam 1"),
                "https://home.example/incident/1",
                "https://home.example/icon.png",
                List.of(
                        Action.view("Open", "https://home.example", true),
                        Action.http("Arm", "https://api.example/arm", "PUT", Map.of("X-Key", "v"), "on", false),
                        Action.copy("Copy code", "1234", false)),
                new Attachment("camera.jpg", "image/jpeg", 33848L, 1643946728L, "https://ntfy.sh/file/x.jpg"),
                null,
                "text/markdown",
                null,
                "incident-1");
        store.store(alerts.id(), List.of(full), true);
        Message back = store.page(alerts.id(), null, 1).get(0).message();
        assertEquals(full, back);
    }

    @Test
    void aNewerRevisionSupersedesTheOldOneAndALateOlderRevisionStaysHidden() {
        store.store(alerts.id(), List.of(withSequence("r1r1r1r1r1r1", 100, "build", "started")), true);
        List<StoreUpdate> second =
                store.store(alerts.id(), List.of(withSequence("r2r2r2r2r2r2", 110, "build", "passed")), true);
        List<StoreUpdate> late =
                store.store(alerts.id(), List.of(withSequence("r0r0r0r0r0r0", 90, "build", "queued")), true);
        assertEquals(1, second.size());
        assertTrue(late.isEmpty(), "an older revision arriving late is stored but not reported");
        List<StoredMessage> visible = store.page(alerts.id(), null, 10);
        assertEquals(1, visible.size());
        assertEquals("passed", visible.get(0).message().message());
        assertEquals(Map.of(alerts.id(), 1), store.unreadCounts());
    }

    @Test
    void clearMarksTheSequenceReadAndDeleteHidesIt() {
        store.store(
                alerts.id(),
                List.of(
                        withSequence("m1m1m1m1m1m1", 100, "disk", "90%"),
                        withSequence("m2m2m2m2m2m2", 101, "cpu", "hot")),
                true);
        List<StoreUpdate> cleared =
                store.store(alerts.id(), List.of(event(Event.MESSAGE_CLEAR, "c1c1c1c1c1c1", 102, "disk")), true);
        assertInstanceOf(StoreUpdate.Cleared.class, cleared.get(0));
        assertEquals(Map.of(alerts.id(), 1), store.unreadCounts());
        List<StoreUpdate> deleted =
                store.store(alerts.id(), List.of(event(Event.MESSAGE_DELETE, "d1d1d1d1d1d1", 103, "cpu")), true);
        assertInstanceOf(StoreUpdate.Deleted.class, deleted.get(0));
        assertEquals(
                List.of("90%"),
                store.page(alerts.id(), null, 10).stream()
                        .map(s -> s.message().message())
                        .toList());
        assertTrue(
                store.store(alerts.id(), List.of(event(Event.MESSAGE_DELETE, "d1d1d1d1d1d1", 103, "cpu")), true)
                        .isEmpty(),
                "a replayed delete changes nothing");
    }

    @Test
    void oneBatchAcrossSubscriptionsKeepsEveryRuleAndRecordsTheLastDispatchInTheSameCommit() {
        List<StoreUpdate> first = store.store(alerts.id(), List.of(msg("p1p1p1p1p1p1", 50, "pending")), true);
        long pendingRow = ((StoreUpdate.Added) first.get(0)).stored().rowId();
        List<StoreUpdate> updates = store.store(
                List.of(
                        new H2MessageStore.Write(
                                alerts.id(),
                                List.of(
                                        withSequence("s2s2s2s2s2s2", 110, "job", "done"),
                                        msg("d1d1d1d1d1d1", 100, "twice in one batch"),
                                        msg("d1d1d1d1d1d1", 100, "twice in one batch"),
                                        withSequence("s1s1s1s1s1s1", 100, "job", "running (late)"),
                                        msg("x1x1x1x1x1x1", 120, "then cleared"),
                                        event(Event.MESSAGE_CLEAR, "c9c9c9c9c9c9", 121, "x1x1x1x1x1x1")),
                                true),
                        new H2MessageStore.Write(backups.id(), List.of(msg("d1d1d1d1d1d1", 100, "other sub")), false)),
                pendingRow);
        assertEquals(
                List.of(
                        "Added s2s2s2s2s2s2",
                        "Added d1d1d1d1d1d1",
                        "Added x1x1x1x1x1x1",
                        "Cleared",
                        "Added d1d1d1d1d1d1"),
                updates.stream()
                        .map(u -> u instanceof StoreUpdate.Added a
                                ? "Added " + a.stored().message().id()
                                : u.getClass().getSimpleName())
                        .toList());
        // The reported row ids are the stored rows.
        List<StoredMessage> visible = store.page(alerts.id(), null, 10);
        for (StoreUpdate u : updates) {
            if (u instanceof StoreUpdate.Added a && a.subscriptionId() == alerts.id()) {
                assertTrue(visible.stream()
                        .anyMatch(v -> v.rowId() == a.stored().rowId()
                                && v.message().id().equals(a.stored().message().id())));
            }
        }
        assertEquals(List.of("x1x1x1x1x1x1", "s2s2s2s2s2s2", "d1d1d1d1d1d1", "p1p1p1p1p1p1"), ids(visible));
        assertEquals(
                List.of("s2s2s2s2s2s2", "d1d1d1d1d1d1"),
                ids(store.undispatched()),
                "the pending row was recorded as dispatched; the cleared one needs no dispatch; history none");
    }

    @Test
    void initialFetchIsHistoryWithoutDispatch() {
        List<StoreUpdate> history = store.store(alerts.id(), List.of(msg("h1h1h1h1h1h1", 1, "old")), false);
        assertFalse(((StoreUpdate.Added) history.get(0)).dispatch());
        assertTrue(store.undispatched().isEmpty());
    }

    @Test
    void theOutboxHoldsStoredMessagesUntilMarkedDispatched() {
        store.store(alerts.id(), List.of(msg("o1o1o1o1o1o1", 1, "a"), msg("o2o2o2o2o2o2", 2, "b")), true);
        List<StoredMessage> outbox = store.undispatched();
        assertEquals(2, outbox.size());
        store.markDispatchedThrough(outbox.get(0).rowId());
        assertEquals(
                List.of("o2o2o2o2o2o2"),
                store.undispatched().stream().map(s -> s.message().id()).toList());
    }

    @Test
    void theOutboxSurvivesReopening() {
        store.store(alerts.id(), List.of(msg("o1o1o1o1o1o1", 1, "a")), true);
        db.close();
        db = Database.open(dir);
        store = new H2MessageStore(db);
        assertEquals(1, store.undispatched().size());
    }

    @Test
    void pagingWalksEveryMessageNewestFirstWithoutGapsOrRepeats() {
        List<Message> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(msg(String.format("id%010d", i), 1000 + i / 3, "m" + i)); // equal times on purpose
        }
        store.store(alerts.id(), many, true);
        List<String> seen = new ArrayList<>();
        StoredMessage last = null;
        while (true) {
            List<StoredMessage> page = store.page(alerts.id(), last, 40);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(s -> seen.add(s.message().id()));
            last = page.get(page.size() - 1);
        }
        assertEquals(250, seen.size());
        assertEquals(250, seen.stream().distinct().count());
        assertEquals("id0000000249", seen.get(0));
    }

    @Test
    void searchMatchesTitleTextAndTagsCaseInsensitivelyAndTreatsWildcardsLiterally() {
        store.store(
                alerts.id(),
                List.of(
                        new Message(
                                "s1s1s1s1s1s1",
                                1,
                                null,
                                "message",
                                "alerts",
                                "Backup FAILED",
                                "disk full",
                                4,
                                List.of("nas"),
                                null,
                                null,
                                List.of(),
                                null,
                                null,
                                null,
                                null,
                                null),
                        msg("s2s2s2s2s2s2", 2, "backup ok, 100% done"),
                        msg("s3s3s3s3s3s3", 3, "unrelated")),
                true);
        assertEquals(List.of("s2s2s2s2s2s2", "s1s1s1s1s1s1"), ids(store.search("backup", 10)));
        assertEquals(List.of("s1s1s1s1s1s1"), ids(store.search("failed NAS", 10)));
        assertEquals(List.of("s2s2s2s2s2s2"), ids(store.search("100%", 10)));
        assertTrue(store.search("_", 10).isEmpty());
    }

    @Test
    void readStateDrivesUnreadCounts() {
        store.store(alerts.id(), List.of(msg("u1u1u1u1u1u1", 1, "a"), msg("u2u2u2u2u2u2", 2, "b")), true);
        store.store(backups.id(), List.of(msg("u3u3u3u3u3u3", 3, "c")), true);
        long row = store.page(alerts.id(), null, 1).get(0).rowId();
        store.setRead(List.of(row), true);
        assertEquals(Map.of(alerts.id(), 1, backups.id(), 1), store.unreadCounts());
    }

    @Test
    void theResumeTimeFollowsStoredMessagesOfAConnectionsSubscriptions() {
        assertTrue(store.resumeTime(List.of(alerts.id())).isEmpty());
        store.store(alerts.id(), List.of(msg("t1t1t1t1t1t1", 500, "a")), true);
        store.store(backups.id(), List.of(msg("t2t2t2t2t2t2", 700, "b")), true);
        assertEquals(500, store.resumeTime(List.of(alerts.id())).getAsLong());
        assertEquals(700, store.resumeTime(List.of(alerts.id(), backups.id())).getAsLong());
        store.store(alerts.id(), List.of(msg("t3t3t3t3t3t3", 400, "late and older")), true, 2000);
        assertEquals(500, store.resumeTime(List.of(alerts.id())).getAsLong(), "it never moves backwards");
    }

    @Test
    void aMessageDatedInTheFutureMovesTheResumeTimeNoFurtherThanTheServersClock() {
        store.store(alerts.id(), List.of(msg("f1f1f1f1f1f1", 4_102_444_800L, "2100")), true, 1000);
        assertEquals(1000, store.resumeTime(List.of(alerts.id())).getAsLong());
        assertEquals(1, store.page(alerts.id(), null, 10).size(), "the message itself is kept");
        store.store(alerts.id(), List.of(msg("f2f2f2f2f2f2", 1200, "next")), true, 1100);
        assertEquals(1100, store.resumeTime(List.of(alerts.id())).getAsLong());

        long before = System.currentTimeMillis() / 1000;
        store.store(backups.id(), List.of(msg("f3f3f3f3f3f3", Long.MAX_VALUE, "imported")), false);
        long resume = store.resumeTime(List.of(backups.id())).getAsLong();
        assertTrue(
                resume >= before && resume <= System.currentTimeMillis() / 1000,
                "without a server clock the local clock bounds it: " + resume);
    }

    @Test
    void retentionByAgeDeletesOnlyOldMessagesOfThatSubscription() {
        store.store(alerts.id(), List.of(msg("k1k1k1k1k1k1", 100, "old"), msg("k2k2k2k2k2k2", 900, "new")), true);
        store.store(backups.id(), List.of(msg("k3k3k3k3k3k3", 100, "old elsewhere")), true);
        assertEquals(1, store.applyRetention(alerts.id(), 500, 0, 60));
        assertEquals(List.of("k2k2k2k2k2k2"), ids(store.page(alerts.id(), null, 10)));
        assertEquals(1, store.page(backups.id(), null, 10).size());
        assertTrue(
                store.store(alerts.id(), List.of(msg("k1k1k1k1k1k1", 100, "old")), true)
                                .size()
                        == 1,
                "far outside the resume window a deleted message is forgotten (the server no longer has it)");
    }

    @Test
    void retentionProtectsTheWindowBeforeTheResumeTimeNotBeforeAFutureDatedMessage() {
        store.store(alerts.id(), List.of(msg("x1x1x1x1x1x1", 1000, "a"), msg("x2x2x2x2x2x2", 1050, "b")), true, 2000);
        store.store(alerts.id(), List.of(msg("x3x3x3x3x3x3", 4_102_444_800L, "2100")), true, 1060);
        // Everything but the future-dated message is past the cutoff; the resume point (1060) is what the stream
        // replays from, so the rows within 120 s of it must stay known, the future-dated one too.
        assertEquals(2, store.applyRetention(alerts.id(), 5000, 0, 120));
        assertTrue(
                store.store(alerts.id(), List.of(msg("x1x1x1x1x1x1", 1000, "a"), msg("x2x2x2x2x2x2", 1050, "b")), true)
                        .isEmpty(),
                "a replay from the resume point stores and dispatches nothing again");
    }

    @Test
    void retentionByCountKeepsTheNewestVisibleMessages() {
        List<Message> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(msg("n" + i + "n" + i + "n" + i + "n" + i + "n" + i + "n" + i, i * 1000L, "m" + i));
        }
        store.store(alerts.id(), five, true);
        assertEquals(3, store.applyRetention(alerts.id(), 0, 2, 60));
        assertEquals(List.of("n5n5n5n5n5n5", "n4n4n4n4n4n4"), ids(store.page(alerts.id(), null, 10)));
        assertEquals(0, store.applyRetention(alerts.id(), 0, 2, 60), "nothing more to remove");
        assertEquals(0, store.applyRetention(alerts.id(), 0, 0, 60), "no limits: nothing to do");
    }

    @Test
    void retentionHidesRatherThanDeletesWhatAResumedStreamWouldBringBack() {
        store.store(
                alerts.id(),
                List.of(msg("w1w1w1w1w1w1", 1000, "a"), msg("w2w2w2w2w2w2", 1030, "b"), msg("w3w3w3w3w3w3", 1050, "c")),
                true);
        // Everything is older than the cutoff; the last 120 s before the newest message must stay known.
        assertEquals(3, store.applyRetention(alerts.id(), 5000, 0, 120));
        assertTrue(store.page(alerts.id(), null, 10).isEmpty(), "nothing is shown any more");
        assertEquals(1050, store.resumeTime(List.of(alerts.id())).getAsLong(), "the resume point is kept");
        assertTrue(
                store.store(alerts.id(), List.of(msg("w1w1w1w1w1w1", 1000, "a"), msg("w3w3w3w3w3w3", 1050, "c")), true)
                        .isEmpty(),
                "a replay from the resume point stores and dispatches nothing again");
    }

    private static List<String> ids(List<StoredMessage> list) {
        return list.stream().map(s -> s.message().id()).toList();
    }
}
