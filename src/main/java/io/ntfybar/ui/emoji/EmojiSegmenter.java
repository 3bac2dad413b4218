package io.ntfybar.ui.emoji;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into plain runs and emoji runs, taking at each position the longest sequence the {@link EmojiIndex}
 * has an image for (so a ZWJ family, a skin tone, a keycap or a flag is one image, not its parts). U+FE0F is ignored
 * while matching and kept in the emoji run, so "⚠" and "⚠️" both become the image. Pure and stateless: safe from any
 * thread; never throws on odd input such as lone surrogates, which stay in the plain text.
 */
public final class EmojiSegmenter {
    /** One run of the input: plain text ({@code cell == null}) or one emoji with its image cell. */
    public record Run(String text, EmojiIndex.Cell cell) {
        public boolean emoji() {
            return cell != null;
        }
    }

    private static final int EMOJI_PRESENTATION = 0xFE0F;
    private static final int TEXT_PRESENTATION = 0xFE0E;
    // Symbols people type as text: only the emoji form (with U+FE0F) becomes an image, as phones do.
    private static final Set<Integer> TEXT_BY_DEFAULT = Set.of(0xA9, 0xAE, 0x2122);

    private final EmojiIndex index;

    public EmojiSegmenter(EmojiIndex index) {
        this.index = index;
    }

    /** A segmenter over the bundled index. */
    public static EmojiSegmenter bundled() {
        return new EmojiSegmenter(EmojiIndex.bundled());
    }

    /** The runs of {@code text} in order; their texts joined give {@code text} back. Empty for null or "". */
    public List<Run> split(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return runs;
        }
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            Match match = matchAt(text, i);
            if (match == null) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            if (plainStart < i) {
                runs.add(new Run(text.substring(plainStart, i), null));
            }
            runs.add(new Run(text.substring(i, match.end), match.cell));
            i = match.end;
            plainStart = i;
        }
        if (plainStart < text.length()) {
            runs.add(new Run(text.substring(plainStart), null));
        }
        return runs;
    }

    private record Match(EmojiIndex.Cell cell, int end) {}

    private Match matchAt(String text, int start) {
        EmojiIndex.Node node = index.root();
        EmojiIndex.Cell best = null;
        int bestEnd = start;
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == EMOJI_PRESENTATION && i > start) {
                i++;
                if (node.cell() != null) {
                    bestEnd = i;
                }
                continue;
            }
            node = node.child(cp);
            if (node == null) {
                break;
            }
            i += Character.charCount(cp);
            if (node.cell() != null) {
                best = node.cell();
                bestEnd = i;
            }
        }
        if (best == null || wantsText(text, start, bestEnd)) {
            return null;
        }
        return new Match(best, bestEnd);
    }

    private static boolean wantsText(String text, int start, int end) {
        if (end < text.length() && text.charAt(end) == TEXT_PRESENTATION) {
            return true;
        }
        int first = text.codePointAt(start);
        return TEXT_BY_DEFAULT.contains(first) && end == start + Character.charCount(first);
    }
}
