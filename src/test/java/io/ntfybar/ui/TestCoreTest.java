package io.ntfybar.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.store.StoreUpdate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCoreTest {
    @Test
    void liveMessagesReachListenersAfterTheyAreStoredAndReadStateIsShared(@TempDir Path home) throws Exception {
        try (TestCore t = TestCore.start(home)) {
            List<StoreUpdate> seen = new CopyOnWriteArrayList<>();
            List<String> changes = new CopyOnWriteArrayList<>();
            t.core.addListener(new CoreListener() {
                @Override
                public void onStored(List<StoreUpdate> updates) {
                    seen.addAll(updates);
                }

                @Override
                public void onMessagesChanged() {
                    changes.add("changed");
                }
            });
            Subscription s = t.subscribe("alerts");
            t.publishAndWait("alerts", "disk full on backup-01");

            assertEquals(1, seen.size());
            StoredMessage m = ((StoreUpdate.Added) seen.get(0)).stored();
            assertEquals("disk full on backup-01", m.message().message());
            assertEquals(1, t.core.messages().unreadCounts().get(s.id()));

            t.core.setRead(List.of(m), true);
            assertEquals(List.of("changed"), changes);
            assertTrue(t.core.messages().unreadCounts().getOrDefault(s.id(), 0) == 0);
        }
    }
}
