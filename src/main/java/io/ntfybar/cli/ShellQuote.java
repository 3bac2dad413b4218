package io.ntfybar.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Quoting for POSIX shells (sh, bash, zsh): a word that needs no quoting stays as it is, anything else is put in single
 * quotes, with each single quote written as {@code '\''}. The result, read back by a shell, is exactly the original
 * word. Pure and thread-safe.
 */
final class ShellQuote {
    /** Characters no POSIX shell treats specially anywhere in a word (a leading {@code =} or {@code ~} excepted). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {}

    /** One word, quoted only when it needs to be: {@code sleep} stays, {@code a b} becomes {@code 'a b'}. */
    static String word(String w) {
        if (PLAIN.matcher(w).matches() && w.charAt(0) != '=') {
            return w;
        }
        return "'" + w.replace("'", "'\\''") + "'";
    }

    /** The words joined by single spaces, each quoted as {@link #word} does: how a shell would show the command. */
    static String command(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word(w));
        }
        return b.toString();
    }
}
