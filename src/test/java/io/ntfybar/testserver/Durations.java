package io.ntfybar.testserver;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The duration syntaxes ntfy accepts: Go's {@code time.ParseDuration} and ntfy's own {@code 3d}/{@code 30 min}. */
final class Durations {
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern NTFY = Pattern.compile(
            "^(\\d+)\\s*(d|days?|h|hours?|m|mins?|minutes?|s|secs?|seconds?)$", Pattern.CASE_INSENSITIVE);

    private Durations() {}

    /** Go's {@code time.ParseDuration} (unsigned), in milliseconds; null when it does not parse. */
    static Long parseGo(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.equals("0")) {
            return 0L;
        }
        Matcher m = GO_PART.matcher(s);
        int pos = 0;
        double nanos = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return null;
            }
            double n = Double.parseDouble(m.group(1));
            nanos += n * unitNanos(m.group(2));
            pos = m.end();
        }
        return (long) (nanos / 1_000_000);
    }

    /** ntfy's {@code util.ParseDuration}: {@code 10d}, {@code 2 days}, {@code 30 min}, or any Go duration; ms or null. */
    static Long parseNtfy(String s) {
        Matcher m = NTFY.matcher(s.trim());
        if (m.matches()) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return null;
            }
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            long factor = unit.startsWith("d")
                    ? 86_400_000L
                    : unit.startsWith("h") ? 3_600_000L : unit.startsWith("m") ? 60_000L : 1000L;
            return n > Long.MAX_VALUE / factor ? Long.MAX_VALUE : n * factor;
        }
        return parseGo(s.trim());
    }

    private static double unitNanos(String unit) {
        switch (unit) {
            case "ns":
                return 1;
            case "us":
            case "µs":
            case "μs":
                return 1e3;
            case "ms":
                return 1e6;
            case "s":
                return 1e9;
            case "m":
                return 60e9;
            default:
                return 3600e9;
        }
    }
}
