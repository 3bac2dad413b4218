package io.ntfybar.protocol;

/** Quotes untrusted input in error messages: short, one line, control characters made visible. */
public final class InputSnippet {
    /** Quoted input in an error message is cut to this many characters. */
    static final int MAX_CHARS = 80;

    private InputSnippet() {}

    /** The input in single quotes, cut to {@link #MAX_CHARS} characters (with "…") and control characters escaped. */
    public static String quote(String s) {
        return "'" + shorten(s) + "'";
    }

    static String shorten(String s) {
        return shorten(s, MAX_CHARS);
    }

    /** The input cut to {@code max} characters (with "…"), control characters escaped. */
    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 8);
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (count == max) {
                out.append('…');
                break;
            }
            appendVisible(out, cp);
            count++;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** The first non-whitespace character of the input, quoted, for "it starts with 'x'". */
    static String firstCharacter(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
            return "nothing";
        }
        StringBuilder out = new StringBuilder("'");
        appendVisible(out, s.codePointAt(i));
        return out.append('\'').toString();
    }

    private static void appendVisible(StringBuilder out, int cp) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (Character.isISOControl(cp)) {
                    out.append(String.format("\\u%04X", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
