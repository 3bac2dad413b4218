package io.ntfybar.ui.messages;

import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the sidebar rows from what the core reports. Pure; call it off the FX thread with data read there. */
final class SidebarRows {
    private static final UiText TEXT = UiText.of(SidebarRows.class);

    private SidebarRows() {}

    static List<SidebarItem> build(
            List<Subscription> subs,
            Map<Long, Integer> unread,
            List<ConnectionState.Report> reports,
            Map<Long, TopicProblem> problems,
            MessageDisplay display) {
        List<SidebarItem> out = new ArrayList<>();
        int total = unread.values().stream().mapToInt(Integer::intValue).sum();
        if (!subs.isEmpty()) {
            out.add(new SidebarItem(
                    SidebarItem.ALL,
                    TEXT.get("sidebar.all"),
                    "",
                    null,
                    total,
                    SidebarItem.Status.NONE,
                    TEXT.get("sidebar.all.detail", subs.size()),
                    null,
                    null));
        }
        for (Subscription s : subs) {
            out.add(row(s, unread.getOrDefault(s.id(), 0), reports, problems.get(s.id()), display));
        }
        return out;
    }

    static SidebarItem row(
            Subscription s,
            int unread,
            List<ConnectionState.Report> reports,
            TopicProblem problem,
            MessageDisplay display) {
        ServerUrl server = server(s);
        String name = server == null ? s.topic() : display.topicDisplayName(server, s.topic(), s.displayName());
        String shortServer = server == null ? s.baseUrl() : server.shortForm();
        String url = s.baseUrl() + "/" + s.topic();
        if (problem != null) {
            SidebarItem.Status st =
                    switch (problem.kind()) {
                        case NEEDS_LOGIN -> SidebarItem.Status.NEEDS_LOGIN;
                        case FORBIDDEN -> SidebarItem.Status.FORBIDDEN;
                        case INVALID -> SidebarItem.Status.INVALID;
                        case SETTINGS -> SidebarItem.Status.FAILED;
                    };
            String key = problem.kind().name().toLowerCase(java.util.Locale.ROOT);
            return new SidebarItem(
                    s.id(),
                    name,
                    shortServer,
                    url,
                    unread,
                    st,
                    TEXT.get("state." + key),
                    problem.sentence(),
                    TEXT.get("advice." + key));
        }
        ConnectionState state = stateOf(s, server, reports);
        if (state instanceof ConnectionState.Connected) {
            return row(s, name, shortServer, url, unread, SidebarItem.Status.CONNECTED, "state.connected", null, null);
        } else if (state instanceof ConnectionState.Connecting) {
            return row(
                    s, name, shortServer, url, unread, SidebarItem.Status.CONNECTING, "state.connecting", null, null);
        } else if (state instanceof ConnectionState.BackingOff b) {
            return row(
                    s,
                    name,
                    shortServer,
                    url,
                    unread,
                    SidebarItem.Status.RECONNECTING,
                    "state.reconnecting",
                    b.reason(),
                    null);
        } else if (state instanceof ConnectionState.Failed f) {
            return row(
                    s,
                    name,
                    shortServer,
                    url,
                    unread,
                    SidebarItem.Status.FAILED,
                    "state.failed",
                    f.reason(),
                    "advice.failed");
        }
        return row(s, name, shortServer, url, unread, SidebarItem.Status.NONE, "state.none", null, null);
    }

    private static SidebarItem row(
            Subscription s,
            String name,
            String server,
            String url,
            int unread,
            SidebarItem.Status status,
            String stateKey,
            String problem,
            String adviceKey) {
        return new SidebarItem(
                s.id(),
                name,
                server,
                url,
                unread,
                status,
                TEXT.get(stateKey),
                problem,
                adviceKey == null ? null : TEXT.get(adviceKey));
    }

    private static ConnectionState stateOf(Subscription s, ServerUrl server, List<ConnectionState.Report> reports) {
        if (server == null) {
            return null;
        }
        ConnectionState found = null;
        for (ConnectionState.Report r : reports) {
            if (r.key().server().equals(server) && r.topics().contains(s.topic())) {
                // a topic split over connections, or an old report: a working one wins
                if (found == null || r.state() instanceof ConnectionState.Connected) {
                    found = r.state();
                }
            }
        }
        return found;
    }

    private static ServerUrl server(Subscription s) {
        try {
            return ServerUrl.of(s.baseUrl());
        } catch (ProtocolException e) {
            return null;
        }
    }
}
