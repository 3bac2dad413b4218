package io.ntfybar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionStoreTest {
    @Test
    void theEnginesFetchFlagAndTheUsersSettingsNeverUndoEachOther(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            SubscriptionStore store = new SubscriptionStore(db);
            Subscription s = store.add(Subscription.of("https://ntfy.sh", "alerts"));
            Subscription windowCopy = s; // loaded by a window before the engine's first fetch

            store.markInitialFetchDone(s.id());
            store.update(windowCopy.withDisplayName("Alerts").withMutedUntil(-1));
            Subscription after = store.find("https://ntfy.sh", "alerts").orElseThrow();
            assertTrue(after.initialFetchDone(), "a window's older copy must not reset the engine's flag");
            assertEquals("Alerts", after.displayName());

            // The engine's older copy (flag set) saved after the user's edit must not undo it either: it only marks.
            store.markInitialFetchDone(s.id());
            assertEquals(
                    -1, store.find("https://ntfy.sh", "alerts").orElseThrow().mutedUntil());
        }
    }
}
