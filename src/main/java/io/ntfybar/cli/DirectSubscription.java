package io.ntfybar.cli;

import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
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
 * {@code subscribe} without the store: straight from the server to stdout. A dropped stream resumes from the newest
 * message printed (minus the margin) and skips ids it printed already, so nothing is lost or printed twice while it
 * runs; a restart starts again from {@code --since}.
 */
final class DirectSubscription {
    private static final int REMEMBERED_IDS = 100_000;

    private final Map<ServerUrl, List<String>> byServer;
    private final AuthorizationHeader auth;
    private final SubscribeQuery query;
    private final boolean poll;
    private final Output output;
    private final EngineConfig config = EngineConfig.defaults();

    DirectSubscription(
            Map<ServerUrl, List<String>> byServer,
            AuthorizationHeader auth,
            SubscribeQuery query,
            boolean poll,
            Output output) {
        this.byServer = byServer;
        this.auth = auth;
        this.query = query;
        this.poll = poll;
        this.output = output;
    }

    int run() {
        OkHttpClient client = HttpClients.streaming();
        if (poll) {
            Poller poller = new Poller(HttpClients.requests(client));
            for (Map.Entry<ServerUrl, List<String>> e : byServer.entrySet()) {
                try {
                    for (Message m : poller.poll(ConnectionKey.anonymous(e.getKey()), auth, e.getValue(), query)) {
                        if (m.eventType() == Event.MESSAGE) {
                            output.message(m);
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
        for (Map.Entry<ServerUrl, List<String>> e : byServer.entrySet()) {
            Printer printer = new Printer(exit);
            StreamConnection stream = new StreamConnection(
                    client,
                    scheduler,
                    ConnectionKey.anonymous(e.getKey()),
                    e.getValue(),
                    query,
                    auth,
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

    /** Prints one server's messages once each. */
    private final class Printer implements StreamConnection.Handler {
        private final CompletableFuture<Integer> exit;
        private final Map<String, Boolean> printed = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED_IDS;
            }
        };
        private long newestTime = -1;
        private boolean lost;

        Printer(CompletableFuture<Integer> exit) {
            this.exit = exit;
        }

        @Override
        public synchronized String since() {
            return newestTime < 0
                    ? query.since()
                    : Long.toString(
                            Math.max(0, newestTime - config.resumeMargin().toSeconds()));
        }

        @Override
        public void onEvent(Message event) {
            if (event.eventType() != Event.MESSAGE) {
                return;
            }
            synchronized (this) {
                if (printed.put(event.id(), Boolean.TRUE) != null) {
                    return;
                }
                newestTime = Math.max(newestTime, event.time());
            }
            output.message(event);
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
