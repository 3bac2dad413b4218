package io.ntfybar.ui.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.model.Message;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.UiText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrayMenuModelTest {
    private static final long NOW = 1_800_000_000L;
    private final TrayMenuModel model = new TrayMenuModel(UiText.of(AwtTray.class), ServerUrl.NTFY_SH, ZoneOffset.UTC);
    private final Subscription backups =
            Subscription.of("https://ntfy.sh", "backups").withId(1);
    private final Subscription alerts =
            Subscription.of("https://ntfy.example.com", "alerts").withId(2).withDisplayName("Alerts");

    private static StoredMessage stored(long row, long sub, String title, String text, boolean read) {
        return new StoredMessage(
                row, sub, Message.simple("m" + row, NOW - row, "t", title, text), NOW, read, false, false);
    }

    private static List<String> labels(List<TrayEntry> entries) {
        List<String> out = new ArrayList<>();
        for (TrayEntry e : entries) {
            if (e instanceof TrayEntry.Item i) {
                out.add(i.label() + (i.enabled() ? "" : " [disabled]"));
            } else if (e instanceof TrayEntry.Submenu s) {
                out.add(s.label() + " >");
            } else {
                out.add("---");
            }
        }
        return out;
    }

    private static TrayEntry.Submenu submenu(List<TrayEntry> entries, String label) {
        return entries.stream()
                .filter(e -> e instanceof TrayEntry.Submenu s && s.label().equals(label))
                .map(e -> (TrayEntry.Submenu) e)
                .findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + labels(entries)));
    }

    @Test
    void theMenuHasRecentMessagesSubscriptionsPauseWindowsConnectionsAndQuitInThatOrder() {
        TrayState s = new TrayState(
                List.of(
                        stored(10, 1, "Disk full", "backup-01 has 2% left", false),
                        stored(9, 2, null, "Door opened\nat the back", true)),
                List.of(backups, alerts),
                Map.of(1L, 3),
                List.of(new ConnectionState.Report(
                        ConnectionKey.anonymous(ServerUrl.NTFY_SH),
                        List.of("backups"),
                        new ConnectionState.Connected())),
                Map.of(),
                0);
        List<TrayEntry> menu = model.build(s, NOW);
        assertEquals(
                List.of(
                        "• Disk full — backups",
                        "Door opened at the back — Alerts",
                        "---",
                        "backups (3) >",
                        "Alerts >",
                        "Pause notifications >",
                        "---",
                        "Subscribe to topic…",
                        "Messages…",
                        "Publish…",
                        "Preferences…",
                        "---",
                        "ntfy.sh: connected [disabled]",
                        "---",
                        "Quit ntfybar"),
                labels(menu));
        assertEquals(new TrayCommand.OpenMessage(1, 10), ((TrayEntry.Item) menu.get(0)).command());
        TrayEntry.Submenu mute = submenu(submenu(menu, "backups (3)").entries(), "Mute");
        assertEquals(6, mute.entries().size());
        assertEquals(
                new TrayCommand.MuteSubscription(1, MuteDuration.MINUTES_30),
                ((TrayEntry.Item) mute.entries().get(0)).command());
        assertEquals(
                List.of(
                        "For 30 minutes",
                        "For 1 hour",
                        "For 2 hours",
                        "For 8 hours",
                        "Until tomorrow",
                        "Until resumed"),
                labels(submenu(menu, "Pause notifications").entries()));
        assertEquals("ntfybar: 3 unread messages", model.tooltip(s));
        assertEquals(TrayIcons.State.UNREAD, AwtTray.iconState(s, NOW));
    }

    @Test
    void pausedMutedAndRefusedStatesShowWhatToDo() {
        Subscription muted = backups.withMutedUntil(NOW + 1800);
        TrayState s = new TrayState(
                List.of(),
                List.of(muted, alerts),
                Map.of(),
                List.of(new ConnectionState.Report(
                        ConnectionKey.anonymous(ServerUrl.of("https://ntfy.example.com")),
                        List.of("alerts"),
                        new ConnectionState.BackingOff(Instant.ofEpochSecond(NOW + 20), "connection refused"))),
                Map.of(2L, new TopicProblem(2, TopicProblem.Kind.NEEDS_LOGIN, "ntfy.example.com asks for a login.")),
                MuteDuration.UNTIL_RESUMED_VALUE);
        List<TrayEntry> menu = model.build(s, NOW);
        List<String> l = labels(menu);
        assertEquals("No messages yet [disabled]", l.get(0));
        assertTrue(l.contains("backups (muted) >"), l.toString());
        assertTrue(l.contains("Alerts ⚠ >"), l.toString());
        assertTrue(l.contains("ntfy.example.com: reconnecting in 20 s (connection refused) [disabled]"), l.toString());
        assertEquals(
                List.of(
                        "Muted until "
                                + java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
                                        .format(java.time.LocalTime.of(8, 30))
                                + " [disabled]",
                        "Unmute"),
                labels(submenu(menu, "backups (muted)").entries()).subList(2, 4));
        TrayEntry.Submenu pause = submenu(menu, "Notifications paused");
        assertEquals(
                List.of("Paused until you resume them [disabled]", "Resume notifications"), labels(pause.entries()));
        assertEquals(
                new TrayCommand.PauseAll(null),
                ((TrayEntry.Item) pause.entries().get(1)).command());
        assertEquals(TrayIcons.State.PAUSED, AwtTray.iconState(s, NOW));
        assertTrue(model.tooltip(s).endsWith("ntfy.example.com asks for a login."));
        assertTrue(s.hasProblem());
    }

    @Test
    void longTitlesAreShortenedByCodePointsWithoutSplittingEmoji() {
        String s = "🎉".repeat(80);
        String cut = TrayMenuModel.shorten(s, 20);
        assertEquals(20, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("…"));
    }
}
