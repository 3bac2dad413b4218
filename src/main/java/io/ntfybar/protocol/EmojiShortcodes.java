package io.ntfybar.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns emoji shortcodes such as {@code :tada:} in text typed on the command line into emoji, as the classic shell
 * notifier did, but only where a shortcode stands alone: at the start or after whitespace, and followed by the end,
 * whitespace or punctuation. So {@code root:x:0:0} and {@code 12:30:45} stay as they are, and an unknown name is left
 * alone. Names are ntfy's tag aliases ({@link EmojiTable}), matched case-sensitively. Pure and thread-safe.
 */
public final class EmojiShortcodes {
    private static final Pattern SHORTCODE = Pattern.compile("(?<=^|\\s):([a-z0-9_+\\-]+):(?=$|\\s|\\p{Punct})");

    private EmojiShortcodes() {}

    /** {@code text} with every stand-alone known shortcode replaced by its emoji; null stays null. */
    public static String replace(String text) {
        if (text == null || text.indexOf(':') < 0) {
            return text;
        }
        Matcher m = SHORTCODE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String emoji = EmojiTable.forAlias(m.group(1)).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(emoji));
        }
        m.appendTail(out);
        return out.toString();
    }
}
