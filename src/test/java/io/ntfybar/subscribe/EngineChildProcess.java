package io.ntfybar.subscribe;

import io.ntfybar.credentials.Keychains;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.store.SubscriptionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A client process for the kill test: runs the engine on a store folder and appends every dispatch
 * ({@code <notification identity> <message id>}) to a file it fsyncs before the dispatch counts as done, then
 * waits to be killed. Args: store folder, dispatch log, server base URL, topic.
 */
public final class EngineChildProcess {
    private EngineChildProcess() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        FileChannel log = FileChannel.open(
                Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        Database db = Database.open(folder);
        SubscriptionStore subs = new SubscriptionStore(db);
        if (subs.find(args[2], args[3]).isEmpty()) {
            subs.add(Subscription.of(args[2], args[3]));
        }
        StoreWriter.Dispatcher dispatcher = updates -> {
            StringBuilder lines = new StringBuilder();
            for (StoreUpdate u : updates) {
                if (u instanceof StoreUpdate.Added a && a.dispatch()) {
                    lines.append(a.stored().subscriptionId())
                            .append('/')
                            .append(a.stored().message().effectiveSequenceId())
                            .append(' ')
                            .append(a.stored().message().id())
                            .append('\n');
                }
            }
            try {
                log.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
                log.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        ConnectionEngine engine = new ConnectionEngine(
                HttpClients.streaming(),
                subs,
                new H2MessageStore(db),
                Keychains.sessionOnly("test"),
                EngineConfig.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(500)),
                dispatcher,
                new EngineListener() {});
        engine.start(Settings.defaults()).get();
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
