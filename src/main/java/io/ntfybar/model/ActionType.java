package io.ntfybar.model;

import java.util.Locale;

/** Action button types. Types this client does not know are {@link #UNKNOWN}: preserved, never run. */
public enum ActionType {
    VIEW("view"),
    HTTP("http"),
    BROADCAST("broadcast"),
    COPY("copy"),
    UNKNOWN("");

    private final String wireName;

    ActionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Case-insensitive, as the server lowercases the type. */
    public static ActionType of(String wireName) {
        if (wireName != null) {
            String s = wireName.trim().toLowerCase(Locale.ROOT);
            for (ActionType t : values()) {
                if (t != UNKNOWN && t.wireName.equals(s)) {
                    return t;
                }
            }
        }
        return UNKNOWN;
    }
}
