package io.ntfybar.app.logging;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for a log: Authorization header values, {@code auth=} query parameters, ntfy access
 * tokens ({@code tk_...}) and passwords in URL user-info. The code already avoids logging secrets; this is the second
 * line of defence for what a library or an exception message might carry. Thread-safe.
 */
public final class SecretRedactor {
    static final String MASK = "***";

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Pattern.compile("(?i)((?:proxy-)?authorization\\s*[:=]\\s*\"?(?:basic|bearer)?\\s*)[^\\s,;\"&]+"),
                    "$1" + MASK),
            new Rule(Pattern.compile("(?i)([?&](?:auth|authorization)=)[^&\\s\"]+"), "$1" + MASK),
            new Rule(Pattern.compile("\\btk_[A-Za-z0-9]{6,}"), "tk_" + MASK),
            new Rule(Pattern.compile("(?i)(\\b(?:https?|wss?)://)[^/\\s@:]*:[^/\\s@]*@"), "$1" + MASK + "@"),
            new Rule(Pattern.compile("(?i)(\\bpassword\\s*[:=]\\s*)[^\\s,;&]+"), "$1" + MASK));

    private SecretRedactor() {}

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            out = r.pattern.matcher(out).replaceAll(r.replacement);
        }
        return out;
    }
}
