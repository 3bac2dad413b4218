package io.ntfybar.ui.tray;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.tray.TrayEntry.Item;
import io.ntfybar.ui.tray.TrayEntry.Separator;
import io.ntfybar.ui.tray.TrayEntry.Submenu;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tray menu as data: the newest messages, each subscription with its unread count and mute choices, the global
 * pause, the windows, the connection of each server, Quit. Pure (no toolkit, no I/O), so it is tested as a table and
 * drawn by {@link AwtTray}. Menus of AWT on Linux draw no colour emoji, so labels use the title text as sent, without
 * the emoji that tags add.
 */
public final class TrayMenuModel {
    static final int LABEL_MAX = 60;

    private final UiText text;
    private final MessageDisplay display;
    private final ZoneId zone;

    public TrayMenuModel(UiText text, ServerUrl defaultServer, ZoneId zone) {
        this.text = text;
        this.display = new MessageDisplay(defaultServer);
        this.zone = zone;
    }

    public List<TrayEntry> build(TrayState s, long nowEpochSeconds) {
        Map<Long, Subscription> byId = new HashMap<>();
        s.subscriptions().forEach(sub -> byId.put(sub.id(), sub));
        List<TrayEntry> out = new ArrayList<>();
        if (s.recent().isEmpty()) {
            out.add(new Item(text.get("recent.none"), null));
        }
        for (StoredMessage m : s.recent()) {
            out.add(new Item(
                    recentLabel(m, byId.get(m.subscriptionId())),
                    new TrayCommand.OpenMessage(m.subscriptionId(), m.rowId())));
        }
        out.add(new Separator());
        for (Subscription sub : s.subscriptions()) {
            out.add(subscriptionMenu(
                    sub, s.unread().getOrDefault(sub.id(), 0), s.problems().get(sub.id()), nowEpochSeconds));
        }
        out.add(pauseMenu(s.pausedUntil(), nowEpochSeconds));
        out.add(new Separator());
        out.add(new Item(text.get("subscribe"), new TrayCommand.Show(TrayCommand.Window.SUBSCRIBE)));
        out.add(new Item(text.get("messages"), new TrayCommand.Show(TrayCommand.Window.MESSAGES)));
        out.add(new Item(text.get("publish"), new TrayCommand.Show(TrayCommand.Window.PUBLISH)));
        out.add(new Item(text.get("preferences"), new TrayCommand.Show(TrayCommand.Window.PREFERENCES)));
        out.add(new Separator());
        if (s.connections().isEmpty()) {
            out.add(new Item(text.get("connections.none"), null));
        }
        for (ConnectionState.Report r : s.connections()) {
            out.add(new Item(connectionLabel(r, nowEpochSeconds), null));
        }
        out.add(new Separator());
        out.add(new Item(text.get("quit"), new TrayCommand.Quit()));
        return out;
    }

    /** The tooltip of the icon: unread count and the first problem, if any. */
    public String tooltip(TrayState s) {
        int unread = s.totalUnread();
        String base = unread == 0 ? text.get("tooltip.read") : text.get("tooltip.unread", unread);
        if (!s.problems().isEmpty()) {
            return base + " · " + s.problems().values().iterator().next().sentence();
        }
        for (ConnectionState.Report r : s.connections()) {
            if (r.state() instanceof ConnectionState.BackingOff || r.state() instanceof ConnectionState.Failed) {
                return base + " · "
                        + text.get("tooltip.connection", r.key().server().shortForm());
            }
        }
        return base;
    }

    private String recentLabel(StoredMessage m, Subscription sub) {
        String name = sub == null ? m.message().topic() : name(sub);
        String title = m.message().title();
        String body = MessageDisplay.bodyText(m.message()).strip().replaceAll("\\s+", " ");
        String main = title != null && !title.isBlank() ? title.strip() : body;
        return (m.read() ? "" : "• ") + shorten(main, LABEL_MAX - name.length()) + " — " + name;
    }

    private TrayEntry subscriptionMenu(Subscription sub, int unread, TopicProblem problem, long now) {
        String label = name(sub) + (unread > 0 ? " (" + unread + ")" : "");
        if (problem != null) {
            label += " ⚠";
        } else if (sub.isMuted(now)) {
            label += " " + text.get("muted.mark");
        }
        List<TrayEntry> entries = new ArrayList<>();
        entries.add(new Item(text.get("subscription.open"), new TrayCommand.OpenSubscription(sub.id())));
        if (problem != null) {
            entries.add(new Item(shorten(problem.sentence(), 90), null));
        }
        entries.add(new Separator());
        if (sub.isMuted(now)) {
            entries.add(new Item(mutedLabel("subscription.muted", sub.mutedUntil()), null));
            entries.add(new Item(text.get("subscription.unmute"), new TrayCommand.MuteSubscription(sub.id(), null)));
        } else {
            List<TrayEntry> choices = new ArrayList<>();
            for (MuteDuration d : MuteDuration.values()) {
                choices.add(new Item(text.get("duration." + d.name()), new TrayCommand.MuteSubscription(sub.id(), d)));
            }
            entries.add(new Submenu(text.get("subscription.mute"), choices));
        }
        return new Submenu(label, entries);
    }

    private TrayEntry pauseMenu(long pausedUntil, long now) {
        boolean paused = pausedUntil == MuteDuration.UNTIL_RESUMED_VALUE || pausedUntil > now;
        List<TrayEntry> entries = new ArrayList<>();
        if (paused) {
            entries.add(new Item(mutedLabel("pause.until", pausedUntil), null));
            entries.add(new Item(text.get("pause.resume"), new TrayCommand.PauseAll(null)));
        } else {
            for (MuteDuration d : MuteDuration.values()) {
                entries.add(new Item(text.get("duration." + d.name()), new TrayCommand.PauseAll(d)));
            }
        }
        return new Submenu(text.get(paused ? "pause.paused" : "pause"), entries);
    }

    private String mutedLabel(String key, long until) {
        if (until == MuteDuration.UNTIL_RESUMED_VALUE) {
            return text.get(key + ".resumed");
        }
        ZonedDateTime at = Instant.ofEpochSecond(until).atZone(zone);
        return text.get(
                key, DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).format(at));
    }

    private String connectionLabel(ConnectionState.Report r, long now) {
        String server = r.key().server().shortForm();
        ConnectionState st = r.state();
        if (st instanceof ConnectionState.Connected) {
            return text.get("connection.connected", server);
        }
        if (st instanceof ConnectionState.BackingOff b) {
            long in = Math.max(0, b.retryAt().getEpochSecond() - now);
            return text.get("connection.retrying", server, in, shorten(b.reason(), 60));
        }
        if (st instanceof ConnectionState.Failed f) {
            return text.get("connection.failed", server, shorten(f.reason(), 60));
        }
        return text.get("connection.connecting", server);
    }

    private String name(Subscription sub) {
        return display.topicDisplayName(ServerUrl.of(sub.baseUrl()), sub.topic(), sub.displayName());
    }

    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        int limit = Math.max(10, max);
        if (s.codePointCount(0, s.length()) <= limit) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, limit - 1)) + "…";
    }
}
