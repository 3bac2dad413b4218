package io.ntfybar.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** POSIX shell quoting of command words: splitting a quoted command line, and quoting words for one. Pure. */
public final class ShellWords {
    /** Characters no POSIX shell treats specially anywhere in a word (a leading {@code =} or {@code ~} excepted). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {}

    /**
     * Splits a command line as {@code sh} would, without expansions: whitespace separates words, single quotes keep
     * everything, double quotes keep everything but {@code \"}, {@code \\}, {@code \$} and {@code \`}, and a backslash
     * outside quotes keeps the next character.
     *
     * @throws IllegalArgumentException for an unclosed quote
     */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' in " + line);
                }
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        d = line.charAt(++j);
                    }
                    w.append(d);
                }
                if (j >= line.length()) {
                    throw new IllegalArgumentException("unclosed \" in " + line);
                }
                i = j;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    /**
     * One word quoted for POSIX shells: as it is when no shell treats any of its characters specially ({@code sleep}),
     * else in single quotes with each single quote written as {@code '\''} ({@code a b} becomes {@code 'a b'}). A
     * shell reads the result back as exactly the word.
     */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches() && word.charAt(0) != '=') {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words joined by single spaces, each as {@link #quote} gives it: how a shell would show the command. */
    public static String command(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(quote(w));
        }
        return b.toString();
    }
}
