package io.ntfybar.backup;

import java.util.List;

/** "1 subscription", "3 messages" and "a, b and c" for the reports. Pure. */
final class Counts {
    private Counts() {}

    static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
