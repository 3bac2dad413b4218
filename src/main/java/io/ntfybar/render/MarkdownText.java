package io.ntfybar.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown reduced to readable plain text for a notification banner, which shows no formatting: the marks go, the
 * words stay. Never produces or interprets HTML: an HTML tag in the text stays as the literal text it is. Pure and
 * thread-safe.
 *
 * <ul>
 *   <li>Headings, emphasis ({@code *}, {@code **}, {@code _}, {@code __}, {@code ~~}), inline code and block quotes lose
 *       their marks; code fences go, their lines stay.
 *   <li>{@code [text](url)} becomes {@code text (url)}, or just the URL when the text is the URL; an image
 *       {@code ![alt](url)} becomes its alt text.
 *   <li>Bullets become {@code •}; numbered items stay; thematic breaks and table rules go; table cells are joined
 *       with {@code  | }.
 *   <li>Backslash escapes ({@code \*}) become the plain character.
 * </ul>
 */
public final class MarkdownText {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)(\\s+#+\\s*)?$");
    private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(?:\\[([ xX])\\]\\s+)?");
    private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern TABLE_RULE =
            Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|~>])");

    private MarkdownText() {}

    public static String toPlain(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        for (String line : markdown.replace("\u0000", "").split("\\R", -1)) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                out.add(line);
                continue;
            }
            if (RULE.matcher(line).matches() || TABLE_RULE.matcher(line).matches() && line.contains("-")) {
                continue;
            }
            out.add(inline(block(line)));
        }
        return String.join("\n", out).strip();
    }

    private static String block(String line) {
        String l = line;
        while (QUOTE.matcher(l).find()) {
            l = QUOTE.matcher(l).replaceFirst("");
        }
        Matcher h = HEADING.matcher(l);
        if (h.matches()) {
            return h.group(1);
        }
        Matcher b = BULLET.matcher(l);
        if (b.find()) {
            String box = b.group(2) == null ? "" : b.group(2).isBlank() ? "☐ " : "☑ ";
            return b.group(1) + "• " + box + l.substring(b.end());
        }
        String t = l.strip();
        if (t.startsWith("|") && t.endsWith("|") && t.length() > 1) {
            String[] cells = t.substring(1, t.length() - 1).split("\\|", -1);
            List<String> parts = new ArrayList<>();
            for (String c : cells) {
                parts.add(c.strip());
            }
            return String.join(" | ", parts);
        }
        return l;
    }

    private static String inline(String line) {
        // Code spans first, protected from the other rules.
        List<String> codes = new ArrayList<>();
        Matcher c = CODE.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (c.find()) {
            codes.add(c.group(1));
            c.appendReplacement(sb, Matcher.quoteReplacement("\u0000" + (codes.size() - 1) + "\u0000"));
        }
        c.appendTail(sb);
        String s = sb.toString();
        s = replace(IMAGE, s, m -> m.group(1));
        s = replace(LINK, s, m -> m.group(1).equals(m.group(2)) ? m.group(2) : m.group(1) + " (" + m.group(2) + ")");
        s = replace(AUTOLINK, s, m -> m.group(1));
        s = replace(STRONG, s, m -> m.group(2));
        s = replace(STRIKE, s, m -> m.group(1));
        s = replace(EMPHASIS, s, m -> m.group(2));
        s = replace(ESCAPE, s, m -> m.group(1));
        for (int i = 0; i < codes.size(); i++) {
            s = s.replace("\u0000" + i + "\u0000", codes.get(i));
        }
        return s;
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
