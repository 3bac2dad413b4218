package io.ntfybar.model;

import java.util.Locale;
import java.util.Optional;

/** ntfy message priority, 1 (min) to 5 (max). A message without a priority has {@link #DEFAULT}. */
public enum Priority {
    MIN(1, "min"),
    LOW(2, "low"),
    DEFAULT(3, "default"),
    HIGH(4, "high"),
    MAX(5, "max");

    private final int level;
    private final String label;

    Priority(int level, String label) {
        this.level = level;
        this.label = label;
    }

    public int level() {
        return level;
    }

    /** The canonical name ntfy uses ({@code min}, {@code low}, {@code default}, {@code high}, {@code max}). */
    public String label() {
        return label;
    }

    /** The priority for a wire level; 0 (absent) means {@link #DEFAULT}. */
    public static Priority ofLevel(int level) {
        if (level == 0) {
            return DEFAULT;
        }
        for (Priority p : values()) {
            if (p.level == level) {
                return p;
            }
        }
        throw new IllegalArgumentException("priority must be 1 to 5, not " + level);
    }

    /**
     * Parses a priority as ntfy accepts it: {@code 1}..{@code 5}, {@code min}, {@code low}, {@code default},
     * {@code high}, {@code max} or {@code urgent}, case-insensitive and trimmed.
     */
    public static Optional<Priority> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "1", "min":
                return Optional.of(MIN);
            case "2", "low":
                return Optional.of(LOW);
            case "3", "default":
                return Optional.of(DEFAULT);
            case "4", "high":
                return Optional.of(HIGH);
            case "5", "max", "urgent":
                return Optional.of(MAX);
            default:
                return Optional.empty();
        }
    }
}
