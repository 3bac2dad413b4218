package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Retention;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTaskTest {
    private static final long NOW = 1_800_000_000L;
    private static final long DAY = 86_400;

    @TempDir
    Path dir;

    /** Ten messages, one a day, the newest today. */
    private static List<Message> tenDays(String topic) {
        List<Message> out = new ArrayList<>();
        for (int d = 9; d >= 0; d--) {
            out.add(Message.simple(topic + "-" + d, NOW - d * DAY, topic, null, "d" + d));
        }
        return out;
    }

    @Test
    void theGlobalSettingAppliesUnlessASubscriptionSetsItsOwn() {
        try (Database db = Database.open(dir)) {
            SubscriptionStore subs = new SubscriptionStore(db);
            H2MessageStore messages = new H2MessageStore(db);
            Subscription global = subs.add(Subscription.of("https://ntfy.sh", "global"));
            Subscription week = subs.add(Subscription.of("https://ntfy.sh", "week"));
            subs.update(week.withRetention(7 * DAY, 0));
            Subscription forever = subs.add(Subscription.of("https://ntfy.sh", "forever"));
            subs.update(forever.withRetention(Subscription.NO_LIMIT, Subscription.NO_LIMIT));
            Subscription three = subs.add(Subscription.of("https://ntfy.sh", "three"));
            subs.update(three.withRetention(0, 3));
            for (Subscription s : List.of(global, week, forever, three)) {
                messages.store(s.id(), tenDays(s.topic()), false);
            }

            int removed = RetentionTask.runOnce(subs, messages, new Retention(5, 0), Duration.ofSeconds(60), NOW);

            assertEquals(6, visible(messages, global), "global: 5 days keeps days 0 to 5 (older than 5 days goes)");
            assertEquals(8, visible(messages, week), "its own 7 days");
            assertEquals(10, visible(messages, forever), "no limit of its own beats the global 5 days");
            assertEquals(3, visible(messages, three), "its own count, and the global age still applies");
            assertEquals(4 + 2 + 0 + 7, removed);
        }
    }

    private static int visible(H2MessageStore messages, Subscription s) {
        return messages.page(s.id(), null, 100).size();
    }
}
