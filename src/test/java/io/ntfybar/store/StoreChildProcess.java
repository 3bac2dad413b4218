package io.ntfybar.store;

import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.testsupport.ChildJvm;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs in a child JVM for tests that need a second process: {@code hold <dir>} opens the store and holds it until stdin closes;
 * {@code write <dir>} stores one message per transaction forever, printing each id after its commit returned.
 */
public final class StoreChildProcess {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (Database db = Database.open(dir)) {
            if (args[0].equals("hold")) {
                System.out.println("open");
                System.out.flush();
                // Holds the store until the test kills it or ends (its stdin closes), not for a length of time that a
                // slow test might outlast.
                while (System.in.read() >= 0) {
                    // nothing is sent; wait for the end of the pipe
                }
                return;
            }
            H2MessageStore store = new H2MessageStore(db);
            long sub = new SubscriptionStore(db)
                    .add(Subscription.of("https://ntfy.sh", "burst"))
                    .id();
            for (int i = 0; ; i++) {
                String id = String.format("k%011d", i);
                store.store(sub, List.of(Message.simple(id, 1_700_000_000L + i, "burst", null, "n" + i)), true);
                System.out.println(id);
                System.out.flush();
            }
        }
    }

    static Process start(String mode, Path dir) throws Exception {
        return ChildJvm.start(
                StoreChildProcess.class,
                java.util.Map.of(),
                List.of("-Dntfybar.logdir=" + dir.resolve("logs")),
                mode,
                dir.toString());
    }
}
