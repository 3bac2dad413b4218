package io.ntfybar.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.dispatch.DispatchPolicy.Decision;
import io.ntfybar.dispatch.DispatchPolicy.Show;
import io.ntfybar.dispatch.DispatchPolicy.Summary;
import io.ntfybar.dispatch.DispatchPolicy.Withdraw;
import io.ntfybar.model.Message;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.NotificationSettings;
import io.ntfybar.store.StoreUpdate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DispatchPolicyTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final Subscription BACKUPS =
            new Subscription(1, "https://ntfy.sh", "backups", "Backups", null, 0, 0, 0, 0, true);
    private static final Subscription ALERTS =
            new Subscription(2, "https://ntfy.example.com", "alerts", null, null, 0, 0, 0, 0, true);
    private static final NotificationSettings DEFAULTS = NotificationSettings.defaults();

    private final DispatchPolicy policy = new DispatchPolicy();
    private long row;

    private LongFunction<Subscription> subs(Subscription... s) {
        Map<Long, Subscription> m = new java.util.HashMap<>();
        for (Subscription x : s) {
            m.put(x.id(), x);
        }
        return m::get;
    }

    private StoreUpdate.Added added(Subscription sub, String id, int priority, String seq, boolean dispatch) {
        Message m = new Message(
                id,
                1_800_000_000L,
                null,
                "message",
                sub.topic(),
                null,
                "text " + id,
                priority,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                seq);
        return new StoreUpdate.Added(
                new StoredMessage(++row, sub.id(), m, 1_800_000_000L, false, false, false), dispatch);
    }

    private StoreUpdate.Added added(Subscription sub, String id) {
        return added(sub, id, 3, null, true);
    }

    private List<Decision> decide(List<StoreUpdate> updates, NotificationSettings s, long now, Subscription... all) {
        return policy.decide(updates, subs(all.length == 0 ? new Subscription[] {BACKUPS, ALERTS} : all), s, 1, now);
    }

    private static List<String> shownIds(List<Decision> ds) {
        return ds.stream()
                .filter(d -> d instanceof Show)
                .map(d -> ((Show) d).message().message().id())
                .toList();
    }

    @Test
    void newMessagesAreShownButAnInitialFetchNeverIs() {
        List<Decision> ds = decide(List.of(added(BACKUPS, "a"), added(BACKUPS, "b", 3, null, false)), DEFAULTS, NOW);
        assertEquals(List.of("a"), shownIds(ds));
        assertEquals(1, ds.size());
    }

    @ParameterizedTest(name = "message priority {0}, subscription minimum {1}, global minimum {2}: shown {3}")
    @CsvSource({
        "1, 0, 1, true",
        "2, 0, 3, false",
        "3, 0, 3, true",
        "3, 4, 1, false",
        "4, 4, 5, true", // the subscription's own minimum wins over the global one
        "5, 0, 5, true",
        "0, 0, 3, true" // a missing priority counts as 3
    })
    void minimumPriorityHidesButNeverDrops(int priority, int subMin, int globalMin, boolean shown) {
        Subscription sub = new Subscription(1, "https://ntfy.sh", "backups", null, null, subMin, 0, 0, 0, true);
        List<Decision> ds =
                policy.decide(List.of(added(sub, "m", priority, null, true)), subs(sub), DEFAULTS, globalMin, NOW);
        assertEquals(shown, !shownIds(ds).isEmpty());
    }

    @Test
    void muteGlobalAndPerSubscriptionWithAnEnd() {
        long nowS = NOW / 1000;
        NotificationSettings paused = DEFAULTS.withMutedUntil(nowS + 60);
        assertTrue(decide(List.of(added(BACKUPS, "a")), paused, NOW).isEmpty(), "paused: nothing shown");
        assertEquals(
                1, decide(List.of(added(BACKUPS, "b")), paused, NOW + 61_000).size(), "shown after the pause");
        NotificationSettings forever = DEFAULTS.withMutedUntil(NotificationSettings.MUTED_UNTIL_RESUMED);
        assertTrue(
                decide(List.of(added(BACKUPS, "c")), forever, NOW + 10_000_000).isEmpty());

        Subscription muted = new Subscription(1, "https://ntfy.sh", "backups", null, null, 0, nowS + 60, 0, 0, true);
        List<Decision> during = decide(List.of(added(muted, "d"), added(ALERTS, "e")), DEFAULTS, NOW, muted, ALERTS);
        assertEquals(List.of("e"), shownIds(during), "only the muted subscription is silent");
        assertEquals(List.of("f"), shownIds(decide(List.of(added(muted, "f")), DEFAULTS, NOW + 61_000, muted)));
        Subscription untilResumed = new Subscription(1, "https://ntfy.sh", "backups", null, null, 0, -1, 0, 0, true);
        assertTrue(decide(List.of(added(untilResumed, "g")), DEFAULTS, NOW + 99_000_000, untilResumed)
                .isEmpty());
    }

    @Test
    void aCatchUpBurstBecomesOneSummaryAndWithdrawsWhatTheBurstAlreadyShowed() {
        // Two arrive first (the writer's first batch), then ten more in the same burst.
        List<Decision> first = decide(List.of(added(BACKUPS, "m0"), added(BACKUPS, "m1")), DEFAULTS, NOW);
        assertEquals(List.of("m0", "m1"), shownIds(first));
        List<StoreUpdate> rest = new ArrayList<>();
        IntStream.range(2, 12).forEach(i -> rest.add(added(BACKUPS, "m" + i)));
        rest.add(added(ALERTS, "other"));
        List<Decision> second = decide(rest, DEFAULTS, NOW + 200);
        List<String> withdrawn = second.stream()
                .filter(d -> d instanceof Withdraw)
                .map(d -> ((Withdraw) d).identity())
                .toList();
        assertEquals(List.of("https://ntfy.sh/backups#m0", "https://ntfy.sh/backups#m1"), withdrawn);
        Summary s = second.stream()
                .filter(d -> d instanceof Summary)
                .map(d -> (Summary) d)
                .findFirst()
                .orElseThrow();
        assertEquals(12, s.count());
        assertEquals("m11", s.newest().message().id());
        assertFalse(s.update());
        assertEquals(List.of("other"), shownIds(second), "another subscription is not part of the storm");

        // More in the same burst update the summary silently; after a quiet gap, single messages show again.
        Summary again = (Summary)
                decide(List.of(added(BACKUPS, "m12")), DEFAULTS, NOW + 1_000).get(0);
        assertEquals(13, again.count());
        assertTrue(again.update());
        assertEquals(
                List.of("late"),
                shownIds(decide(
                        List.of(added(BACKUPS, "late")), DEFAULTS, NOW + 1_000 + DispatchPolicy.BURST_GAP_MILLIS + 1)));
    }

    @Test
    void exactlyTheThresholdIsStillShownOneByOne() {
        List<StoreUpdate> five = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> five.add(added(BACKUPS, "m" + i)));
        assertEquals(5, shownIds(decide(five, DEFAULTS, NOW)).size());
        NotificationSettings two = new NotificationSettings(0L, 2, false, Map.of(), null);
        DispatchPolicy p = new DispatchPolicy();
        List<Decision> ds = p.decide(
                List.of(added(ALERTS, "a"), added(ALERTS, "b"), added(ALERTS, "c")), subs(ALERTS), two, 1, NOW);
        assertInstanceOf(Summary.class, ds.get(0));
        assertEquals(1, ds.size());
    }

    @Test
    void aRevisionOfAShownSequenceReplacesItSilentlyAndClearOrDeleteWithdrawIt() {
        Show first = (Show) decide(List.of(added(BACKUPS, "m1", 3, "build-7", true)), DEFAULTS, NOW)
                .get(0);
        assertFalse(first.update());
        Show revision = (Show) decide(List.of(added(BACKUPS, "m2", 3, "build-7", true)), DEFAULTS, NOW + 10_000)
                .get(0);
        assertTrue(revision.update(), "same identity: replaces, no sound");
        assertEquals(
                DispatchPolicy.identity(BACKUPS, first.message()),
                DispatchPolicy.identity(BACKUPS, revision.message()));

        Withdraw cleared = (Withdraw) decide(List.of(new StoreUpdate.Cleared(1, "build-7")), DEFAULTS, NOW + 20_000)
                .get(0);
        assertEquals("https://ntfy.sh/backups#build-7", cleared.identity());
        Show afterClear = (Show) decide(List.of(added(BACKUPS, "m3", 3, "build-7", true)), DEFAULTS, NOW + 30_000)
                .get(0);
        assertFalse(afterClear.update(), "after a clear the next revision alerts again");
        Withdraw deleted = (Withdraw) decide(List.of(new StoreUpdate.Deleted(2, "x")), DEFAULTS, NOW + 40_000)
                .get(0);
        assertEquals("https://ntfy.example.com/alerts#x", deleted.identity());

        policy.forget("https://ntfy.sh/backups#build-7");
        Show afterForget = (Show) decide(List.of(added(BACKUPS, "m4", 3, "build-7", true)), DEFAULTS, NOW + 50_000)
                .get(0);
        assertFalse(afterForget.update(), "the user dismissed it: a new revision alerts again");
    }

    @Test
    void insistentOnlyForPriorityFiveAndOnlyWhenTurnedOn() {
        Show off = (Show) decide(List.of(added(BACKUPS, "a", 5, null, true)), DEFAULTS, NOW)
                .get(0);
        assertFalse(off.insistent(), "off by default");
        NotificationSettings on = DEFAULTS.withInsistent(true);
        Show p5 = (Show) decide(List.of(added(BACKUPS, "b", 5, null, true)), on, NOW + 10_000)
                .get(0);
        Show p4 = (Show) decide(List.of(added(BACKUPS, "c", 4, null, true)), on, NOW + 20_000)
                .get(0);
        assertTrue(p5.insistent());
        assertFalse(p4.insistent());
    }

    @Test
    void updatesOfARemovedSubscriptionAreIgnored() {
        assertTrue(policy.decide(List.of(added(BACKUPS, "a")), id -> null, DEFAULTS, 1, NOW)
                .isEmpty());
    }

    @ParameterizedTest(name = "{0} at 2026-11-23T21:10 Europe/Berlin ends at {1}")
    @CsvSource({
        "MINUTES_30, 2026-11-23T21:40+01:00",
        "HOUR_1, 2026-11-23T22:10+01:00",
        "HOURS_2, 2026-11-23T23:10+01:00",
        "HOURS_8, 2026-11-24T05:10+01:00",
        "UNTIL_TOMORROW, 2026-11-24T08:30+01:00"
    })
    void muteDurationsAsTheAndroidApp(MuteDuration d, String end) {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 23, 21, 10, 0, 0, ZoneId.of("Europe/Berlin"));
        assertEquals(java.time.OffsetDateTime.parse(end).toEpochSecond(), d.mutedUntil(now));
        assertEquals(-1, MuteDuration.UNTIL_RESUMED.mutedUntil(now));
    }
}
