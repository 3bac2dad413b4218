package io.ntfybar.backup;

import java.util.List;

/** "1 subscription", "3 messages" and "a, b and c" for the reports. Pure. */
final class Counts {
    private Counts() {}

    static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Appends {@code heading} and one "- " line per item, unless there are none. */
    static void bullets(StringBuilder sb, String heading, List<String> items) {
        if (!items.isEmpty()) {
            sb.append('\n').append(heading);
            items.forEach(s -> sb.append("\n- ").append(s));
        }
    }

    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
