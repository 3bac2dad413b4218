package io.ntfybar.testserver;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where ntfy reads request parameters from: headers (any case, RFC 2047 decoded) first, then query parameters (the
 * lowercase name only), as ntfy's {@code readParam} does (protocol sections 3.2 and 5.2).
 */
interface ParamSource {
    /** The RFC 9218 form of {@code Priority} that ntfy skips (vector 8). */
    Pattern RFC9218_PRIORITY = Pattern.compile("^u=\\d+(,\\s*i)?$");

    /** The first value of a header, raw, or null. */
    String header(String name);

    /** The first value of a query parameter (decoded), or null. */
    String query(String name);

    /** The first non-empty of the headers, then of the query parameters, trimmed; "" when none is set. */
    default String param(String... names) {
        for (String name : names) {
            String h = header(name);
            if (h != null) {
                String v = HeaderWords.decode(h).trim();
                if (!v.isEmpty()
                        && !(name.equalsIgnoreCase("priority")
                                && RFC9218_PRIORITY.matcher(v).matches())) {
                    return v;
                }
            }
        }
        for (String name : names) {
            String q = query(name.toLowerCase(Locale.ROOT));
            if (q != null && !q.trim().isEmpty()) {
                return q.trim();
            }
        }
        return "";
    }

    /** ntfy's boolean parameter: 1, yes and true are true; other non-empty values are false; empty is the default. */
    default boolean boolParam(boolean defaultValue, String... names) {
        String v = param(names).toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return v.equals("1") || v.equals("yes") || v.equals("true");
    }
}
