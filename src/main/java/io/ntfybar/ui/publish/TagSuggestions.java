package io.ntfybar.ui.publish;

import io.ntfybar.protocol.EmojiTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tags field's logic: the comma-separated tags, the word being typed (the last one) and ntfy's emoji aliases
 * that start with it. Pure and thread-safe.
 */
public final class TagSuggestions {
    /** How many suggestions the field shows at most. */
    static final int LIMIT = 8;

    /** One suggestion: the alias to put in the field and the emoji ntfy shows for it. */
    public record Suggestion(String alias, String emoji) {}

    private TagSuggestions() {}

    /** The tags as ntfy splits them: at commas, trimmed, empty ones dropped. */
    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The word after the last comma, trimmed; empty when the user just typed a comma. */
    static String current(String text) {
        if (text == null) {
            return "";
        }
        return text.substring(text.lastIndexOf(',') + 1).strip();
    }

    /** Suggestions for the word being typed; none when it already is a complete alias and nothing longer matches. */
    static List<Suggestion> forText(String text) {
        String word = current(text);
        List<Suggestion> out = new ArrayList<>();
        for (String alias : EmojiTable.aliasesStartingWith(word, LIMIT)) {
            out.add(new Suggestion(alias, EmojiTable.forAlias(alias).orElse("")));
        }
        if (out.size() == 1 && out.get(0).alias().equals(word)) {
            return List.of();
        }
        return List.copyOf(out);
    }

    /** The text with the word being typed replaced by {@code alias}, followed by ", " for the next tag. */
    static String accept(String text, String alias) {
        String t = text == null ? "" : text;
        int comma = t.lastIndexOf(',');
        String head = comma < 0 ? "" : t.substring(0, comma + 1) + " ";
        return head + alias + ", ";
    }
}
