package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscribeQueryTest {
    private static Message message(String title, String text, int priority, List<String> tags) {
        return new Message(
                "abcdefghijkl",
                1,
                null,
                "message",
                "t",
                title,
                text,
                priority,
                tags,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void filtersMatchAsTheServerDoes() {
        Message a = message(null, "my first message", 1, List.of("tag1", "tag2"));
        Message b = message("a title", "my second message", 0, List.of("tag2", "tag3"));
        SubscribeQuery q = SubscribeQuery.live();
        assertTrue(q.matches(a) && q.matches(b));
        SubscribeQuery low = q.withPriorities(List.of(Priority.MIN, Priority.LOW));
        assertTrue(low.matches(a));
        assertFalse(low.matches(b));
        SubscribeQuery normal = q.withPriorities(List.of(Priority.DEFAULT));
        assertTrue(normal.matches(b), "an absent priority counts as 3");
        assertTrue(q.withTags(List.of("tag2", "tag3")).matches(b));
        assertFalse(q.withTags(List.of("tag1", "tag2", "tag3")).matches(a), "all tags must be present");
        assertTrue(q.withTitle("a title").matches(b));
        assertFalse(q.withTitle("A title").matches(b), "values compare exactly");
        assertTrue(q.withMessage("my first message").matches(a));
        assertFalse(q.withMessage("my first message").matches(b));
        assertTrue(q.withId("abcdefghijkl").matches(a));
    }

    @Test
    void eventsOtherThanMessagesAlwaysPass() {
        Message keepalive = new Message(
                "abcdefghijkl",
                1,
                null,
                "keepalive",
                "t",
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertTrue(SubscribeQuery.live().withTitle("x").matches(keepalive));
    }
}
