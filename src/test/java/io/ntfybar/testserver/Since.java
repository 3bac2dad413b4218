package io.ntfybar.testserver;

import java.util.regex.Pattern;

/** A resolved {@code since} parameter (protocol section 3.2, with its quirks). */
record Since(Kind kind, String id, long time) {
    enum Kind {
        ALL,
        NONE,
        LATEST,
        ID,
        TIME
    }

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9]{12}$");
    private static final Pattern DIGITS = Pattern.compile("^\\d+$");

    static final Since ALL = new Since(Kind.ALL, null, 0);
    static final Since NONE = new Since(Kind.NONE, null, 0);

    /**
     * @param value the raw parameter, "" when absent
     * @param poll a missing since means everything for a poll and nothing for a stream
     * @param nowMillis the current time
     */
    static Since parse(String value, boolean poll, long nowMillis) {
        if (value.isEmpty()) {
            return poll ? ALL : NONE;
        }
        switch (value) {
            case "all":
                return ALL;
            case "none":
                return NONE;
            case "latest":
                return new Since(Kind.LATEST, null, 0);
            default:
                break;
        }
        if (ID.matcher(value).matches()) { // a 12-digit number is an id too, as in ntfy
            return new Since(Kind.ID, value, 0);
        }
        if (DIGITS.matcher(value).matches()) {
            long t;
            try {
                t = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw HttpError.SINCE_INVALID;
            }
            if (t == 0) {
                return ALL; // ntfy's quirk: since=0 is "all" ...
            } else if (t == 1) {
                return NONE; // ... and since=1 is its internal "none" marker
            }
            return new Since(Kind.TIME, null, t);
        }
        Long ms = Durations.parseGo(value);
        if (ms == null) {
            throw HttpError.SINCE_INVALID;
        }
        return new Since(Kind.TIME, null, (nowMillis - ms) / 1000);
    }
}
