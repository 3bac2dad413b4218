package io.ntfybar.actions;

/** Untrusted text made safe to show inside a sentence: one line, invisible characters made visible, cut short. */
final class Snippet {
    static final int MAX_CHARS = 60;

    private Snippet() {}

    /** The text in double quotes, cut to {@link #MAX_CHARS} characters, controls and format characters escaped. */
    static String quote(String s) {
        return "\"" + visible(s, MAX_CHARS) + "\"";
    }

    static String visible(String s, int maxChars) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == maxChars) {
                out.append('…');
                break;
            }
            if (isHidden(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * Characters that do not show as themselves: controls, format characters (bidi overrides, zero-width),
     * line and paragraph separators, lone surrogates and unassigned code points.
     */
    static boolean isHidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE && cp > 0xFFFF;
    }
}
