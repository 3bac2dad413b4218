package io.ntfybar.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.UiText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sidebar rows from connection reports and problems; relative times; every computed text key exists. */
class SidebarRowsTest {
    private static final MessageDisplay DISPLAY = MessageDisplay.withNtfyShDefault();
    private final Subscription sh = new Subscription(1, "https://ntfy.sh", "alerts", null, null, 0, 0, 0, 0, true);
    private final Subscription own =
            new Subscription(2, "https://ntfy.example.com", "backups", "Backups", null, 0, 0, 0, 0, true);

    private static ConnectionState.Report report(String server, ConnectionState state, String... topics) {
        return new ConnectionState.Report(ConnectionKey.anonymous(ServerUrl.of(server)), List.of(topics), state);
    }

    @Test
    void statesComeFromTheReportOfTheSubscriptionsServerAndTopic() {
        List<SidebarItem> rows = SidebarRows.build(
                List.of(sh, own),
                Map.of(1L, 4, 2L, 1),
                List.of(
                        report("https://ntfy.sh", new ConnectionState.Connected(), "alerts"),
                        report(
                                "https://ntfy.example.com",
                                new ConnectionState.BackingOff(Instant.now(), "the server did not answer"),
                                "backups")),
                Map.of(),
                DISPLAY);
        assertEquals(3, rows.size());
        assertEquals(SidebarItem.ALL, rows.get(0).id());
        assertEquals(5, rows.get(0).unread());
        assertEquals("alerts", rows.get(1).name(), "bare topic on the default server");
        assertEquals("Connected", rows.get(1).statusText());
        assertNull(rows.get(1).problem());
        assertEquals("Backups", rows.get(2).name());
        assertEquals("ntfy.example.com", rows.get(2).server());
        assertEquals(SidebarItem.Status.RECONNECTING, rows.get(2).status());
        assertEquals("Reconnecting", rows.get(2).statusText());
        assertEquals("the server did not answer", rows.get(2).problem());
        assertFalse(rows.get(2).hasProblem(), "reconnecting is not the user's to fix");
    }

    @Test
    void aProblemWinsOverTheConnectionAndSaysWhatToDo() {
        SidebarItem forbidden = SidebarRows.row(
                own,
                0,
                List.of(report("https://ntfy.example.com", new ConnectionState.Connected(), "backups")),
                new TopicProblem(2, TopicProblem.Kind.FORBIDDEN, "phil may not read backups."),
                DISPLAY);
        assertEquals("Forbidden", forbidden.statusText());
        assertTrue(forbidden.hasProblem());
        assertTrue(forbidden.advice().contains("read access"), forbidden.advice());

        SidebarItem none = SidebarRows.row(own, 0, List.of(), null, DISPLAY);
        assertEquals("Waiting to connect", none.statusText());
        assertTrue(SidebarRows.build(List.of(), Map.of(), List.of(), Map.of(), DISPLAY)
                .isEmpty());
    }

    @Test
    void everyComputedTextKeyExists() {
        UiText text = UiText.of(MessagesWindow.class);
        for (TopicProblem.Kind k : TopicProblem.Kind.values()) {
            String key = k.name().toLowerCase(java.util.Locale.ROOT);
            assertTrue(text.has("state." + key), key);
            assertTrue(text.has("advice." + key), key);
        }
        for (int p : new int[] {1, 2, 4, 5}) {
            assertTrue(text.has("message.priority." + p));
        }
    }

    @Test
    void relativeTimes() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        long t = now.getEpochSecond();
        assertEquals("just now", RelativeTime.ago(t - 20, now, ZoneOffset.UTC));
        assertEquals("2 min ago", RelativeTime.ago(t - 150, now, ZoneOffset.UTC));
        assertEquals("3 h ago", RelativeTime.ago(t - 3 * 3600 - 5, now, ZoneOffset.UTC));
        assertEquals("yesterday", RelativeTime.ago(t - 30 * 3600, now, ZoneOffset.UTC));
        assertEquals("4 days ago", RelativeTime.ago(t - 4 * 86_400, now, ZoneOffset.UTC));
        assertFalse(RelativeTime.ago(t - 40 * 86_400, now, ZoneOffset.UTC).contains("ago"));
        assertTrue(RelativeTime.full(t, ZoneOffset.UTC).contains("2026"));
        assertEquals("2.3 kB", Sizes.shown(2_400));
        assertEquals("1 byte", Sizes.shown(1));
        assertEquals("1.5 MB", Sizes.shown(1_532_000));
    }
}
