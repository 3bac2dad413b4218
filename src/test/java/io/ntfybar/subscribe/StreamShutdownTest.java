package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.testsupport.Await;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A stream that fails while its owner is shutting down (the timer already stopped, the stream not yet closed) must
 * not throw on OkHttp's thread: CI once saw that RejectedExecutionException surface in a later test.
 */
class StreamShutdownTest {
    @Test
    void aFailureAfterTheTimerStoppedEndsQuietly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: connections to it are refused
        }
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        ExecutorService okhttpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "okhttp-under-test");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
            return t;
        });
        OkHttpClient client = HttpClients.streaming()
                .newBuilder()
                .dispatcher(new Dispatcher(okhttpThreads))
                .build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.shutdown();
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        StreamConnection stream = new StreamConnection(
                client,
                timer,
                ConnectionKey.anonymous(ServerUrl.of("http://127.0.0.1:" + port)),
                List.of("alerts"),
                SubscribeQuery.live(),
                null,
                EngineFixture.FAST,
                null,
                new StreamConnection.Handler() {
                    @Override
                    public String since() {
                        return null;
                    }

                    @Override
                    public void onEvent(Message event) {}

                    @Override
                    public void onState(ConnectionState state) {
                        states.add(state);
                    }

                    @Override
                    public void onRejected(NtfyError error) {}
                });
        stream.start();
        okhttpThreads.shutdown();
        assertTrue(
                okhttpThreads.awaitTermination(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS),
                "the refused connect finished");
        assertEquals(List.of(), uncaught, "nothing thrown on OkHttp's thread");
        assertTrue(
                states.stream().noneMatch(s -> s instanceof ConnectionState.BackingOff),
                "no retry announced that cannot happen: " + states);
        stream.close();
        assertTrue(states.get(states.size() - 1) instanceof ConnectionState.Closed);
    }
}
