package io.ntfybar.cli;

import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.net.ServerClients;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.settings.Settings;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.EngineConfig;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.subscribe.StreamConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * {@code subscribe} without the store: straight from the server to stdout or the command. Topics that share a server,
 * a login, a query and a command share one stream (a {@link Group}); each group's messages go to its command. A
 * dropped stream resumes from the newest message handled (minus the margin) and skips ids it handled already, so
 * nothing is lost or handled twice while it runs; a restart starts again from {@code --since}.
 */
final class DirectSubscription {
    private static final int REMEMBERED_IDS = 100_000;

    /** What one stream (or poll request) is for: its topics share all of this. */
    record Group(ServerUrl server, Login login, SubscribeQuery query, String command) {}

    private final Settings settings;
    private final Map<Group, List<String>> groups = new LinkedHashMap<>();
    private final boolean poll;
    private final Output output;
    private final EngineConfig config = EngineConfig.defaults();

    DirectSubscription(List<SubscribeTarget> targets, Settings settings, boolean poll, Output output) {
        this.settings = settings;
        for (SubscribeTarget t : targets) {
            Group g = new Group(t.topic().server(), t.login(), t.query(), t.command());
            List<String> topics = groups.computeIfAbsent(g, k -> new ArrayList<>());
            if (!topics.contains(t.topic().topic())) {
                topics.add(t.topic().topic());
            }
        }
        this.poll = poll;
        this.output = output;
    }

    int run() {
        OkHttpClient base = HttpClients.streaming();
        // Each server's own trust (CA file, client certificate, headers), the certificate's password from the keychain.
        ServerClients trust = new ServerClients(base, Keychains.lazy(Keychains::detect));
        if (poll) {
            for (Map.Entry<Group, List<String>> e : groups.entrySet()) {
                Group g = e.getKey();
                try {
                    Poller poller = new Poller(HttpClients.requests(clientFor(trust, g.server())));
                    for (Message m : poller.poll(
                            ConnectionKey.anonymous(g.server()), g.login().header(), e.getValue(), g.query())) {
                        if (m.eventType() == Event.MESSAGE) {
                            output.message(m, g.command());
                        }
                    }
                } catch (Poller.PollException ex) {
                    output.error(ex.getMessage());
                    return 1;
                }
            }
            return 0;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ntfybar-subscribe");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        List<StreamConnection> streams = new ArrayList<>();
        for (Map.Entry<Group, List<String>> e : groups.entrySet()) {
            Group g = e.getKey();
            Printer printer = new Printer(g, exit);
            StreamConnection stream = new StreamConnection(
                    clientFor(trust, g.server()),
                    scheduler,
                    ConnectionKey.anonymous(g.server()),
                    e.getValue(),
                    g.query(),
                    g.login().header(),
                    config,
                    null,
                    printer);
            streams.add(stream);
        }
        streams.forEach(StreamConnection::start);
        scheduler.scheduleWithFixedDelay(
                () -> streams.forEach(s -> s.checkAlive(System.nanoTime())), 1, 1, TimeUnit.SECONDS);
        int code = awaitExit(exit);
        streams.forEach(StreamConnection::close);
        return code;
    }

    /** @throws IllegalStateException with the sentence when the server's trust settings cannot be used */
    private OkHttpClient clientFor(ServerClients trust, ServerUrl server) {
        return trust.forServer(server.value(), settings.server(server.value()));
    }

    /** Waits for a fatal error; an interrupt (the embedding code stopping us) ends with 130, like Ctrl-C. */
    static int awaitExit(CompletableFuture<Integer> exit) {
        try {
            return exit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (java.util.concurrent.ExecutionException e) {
            return 1;
        }
    }

    /** Hands one group's messages to the output once each. */
    private final class Printer implements StreamConnection.Handler {
        private final Group group;
        private final CompletableFuture<Integer> exit;
        private final Map<String, Boolean> printed = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED_IDS;
            }
        };
        private long newestTime = -1;
        /** The server's clock from the latest open or keepalive event; 0 until one came (the local clock then). */
        private long serverClock;

        private boolean lost;

        Printer(Group group, CompletableFuture<Integer> exit) {
            this.group = group;
            this.exit = exit;
        }

        @Override
        public synchronized String since() {
            return newestTime < 0
                    ? group.query().since()
                    : Long.toString(
                            Math.max(0, newestTime - config.resumeMargin().toSeconds()));
        }

        @Override
        public void onEvent(Message event) {
            if (event.eventType() == Event.OPEN || event.eventType() == Event.KEEPALIVE) {
                synchronized (this) {
                    serverClock = Math.max(0, event.time());
                }
                return;
            }
            if (event.eventType() != Event.MESSAGE) {
                return;
            }
            synchronized (this) {
                if (printed.put(event.id(), Boolean.TRUE) != null) {
                    return;
                }
                // A message dated in the future must not move the reconnect past what the server has sent.
                long clock = serverClock != 0 ? serverClock : System.currentTimeMillis() / 1000;
                newestTime = Math.max(newestTime, Math.min(event.time(), clock));
            }
            output.message(event, group.command());
        }

        @Override
        public synchronized void onState(ConnectionState state) {
            if (state instanceof ConnectionState.BackingOff b && !lost) {
                lost = true;
                output.error(b.reason() + " Retrying; no message will be lost while ntfybar runs.");
            } else if (state instanceof ConnectionState.Connected && lost) {
                lost = false;
                output.error("Connected again.");
            }
        }

        @Override
        public void onRejected(NtfyError error) {
            output.error(error.userMessage());
            exit.complete(1);
        }
    }
}
