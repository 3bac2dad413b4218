package io.ntfybar.ui.subscription;

import io.ntfybar.model.Subscription;
import io.ntfybar.ui.UiText;
import java.util.ArrayList;
import java.util.List;

/** The choices of the Subscription settings window's lists, and how they read. Pure. */
final class Choices {
    private static final UiText TEXT = UiText.of(Choices.class);
    private static final long DAY = 86_400;

    static final List<Long> AUTO_DELETE =
            List.of(0L, (long) Subscription.NO_LIMIT, DAY, 7 * DAY, 30 * DAY, 90 * DAY, 180 * DAY, 365 * DAY);
    static final List<Integer> KEEP = List.of(0, Subscription.NO_LIMIT, 10, 50, 100, 500, 1000, 5000, 10000);
    static final List<Integer> PRIORITY = List.of(0, 1, 2, 3, 4, 5);

    private Choices() {}

    /** The choices with {@code current} added when it is none of them (set by hand or by another version). */
    static <T extends Comparable<T>> List<T> with(List<T> choices, T current) {
        if (choices.contains(current)) {
            return choices;
        }
        List<T> out = new ArrayList<>(choices);
        out.add(current);
        return out;
    }

    static String autoDelete(long seconds) {
        if (seconds == 0) {
            return TEXT.get("autoDelete.global");
        }
        if (seconds < 0) {
            return TEXT.get("autoDelete.never");
        }
        if (seconds % DAY == 0) {
            return TEXT.get("autoDelete.days", seconds / DAY);
        }
        return TEXT.get("autoDelete.hours", Math.max(1, seconds / 3600));
    }

    static String keep(int messages) {
        if (messages == 0) {
            return TEXT.get("keep.global");
        }
        return messages < 0 ? TEXT.get("keep.any") : TEXT.get("keep.n", messages);
    }

    static String priority(int p) {
        return p == 0 ? TEXT.get("priority.global") : TEXT.get("priority." + p);
    }
}
