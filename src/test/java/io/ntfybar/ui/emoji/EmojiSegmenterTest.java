package io.ntfybar.ui.emoji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmojiSegmenterTest {
    private final EmojiSegmenter segmenter = EmojiSegmenter.bundled();

    /** The runs as "text" for plain and "[emoji]" for images, to compare a whole split at once. */
    private String shape(String text) {
        List<EmojiSegmenter.Run> runs = segmenter.split(text);
        assertEquals(text, runs.stream().map(EmojiSegmenter.Run::text).collect(Collectors.joining()), "lossless");
        return runs.stream()
                .map(r -> r.emoji() ? "[" + r.text() + "]" : r.text())
                .collect(Collectors.joining("|"));
    }

    private EmojiIndex.Cell cellOf(String emoji) {
        List<EmojiSegmenter.Run> runs = segmenter.split(emoji);
        assertEquals(1, runs.size(), emoji + " is one run");
        assertTrue(runs.get(0).emoji(), emoji + " is an emoji");
        return runs.get(0).cell();
    }

    @Test
    void plainTextIsOneRun() {
        assertEquals("Disk full on backup-01: 93 % used, ©®™ #1", shape("Disk full on backup-01: 93 % used, ©®™ #1"));
    }

    @Test
    void emptyAndNullGiveNoRuns() {
        assertEquals(List.of(), segmenter.split(""));
        assertEquals(List.of(), segmenter.split(null));
    }

    @Test
    void emojiBetweenText() {
        assertEquals("Backup |[🎉]| done |[🚨]", shape("Backup 🎉 done 🚨"));
        assertEquals("[🎉]|[🎉]", shape("🎉🎉"));
    }

    @Test
    void variationSelectorIsOptional() {
        assertEquals("[⚠]| disk", shape("⚠ disk"));
        assertEquals("[⚠️]| disk", shape("⚠️ disk"));
        assertEquals(cellOf("⚠"), cellOf("⚠️"));
        assertEquals(cellOf("❤"), cellOf("❤️"));
    }

    @Test
    void textPresentationSelectorKeepsText() {
        assertEquals("⚠\uFE0E disk", shape("⚠\uFE0E disk"));
    }

    @Test
    void copyrightSignIsTextUnlessAskedForEmoji() {
        assertEquals("© 2026", shape("© 2026"));
        assertEquals("[©️]| 2026", shape("©️ 2026"));
    }

    @Test
    void zwjSequenceIsOneImage() {
        assertEquals("[👩‍💻]| on call", shape("👩‍💻 on call"));
        assertEquals("[👨‍👩‍👧‍👦]", shape("👨‍👩‍👧‍👦"));
        assertEquals("[🏳️‍🌈]", shape("🏳️‍🌈"));
        assertEquals("[🏳‍🌈]", shape("🏳‍🌈"));
        assertFalse(cellOf("👩‍💻").equals(cellOf("👩")), "the sequence has its own image, not the woman's");
    }

    @Test
    void skinTonesAreOneImage() {
        assertEquals("[👍🏽]| ok", shape("👍🏽 ok"));
        assertFalse(cellOf("👍🏽").equals(cellOf("👍")));
        assertFalse(cellOf("👍🏽").equals(cellOf("👍🏿")));
        assertEquals("[👩🏿‍💻]", shape("👩🏿‍💻"));
    }

    @Test
    void keycapsWithAndWithoutSelector() {
        assertEquals("step |[1️⃣]| then |[2⃣]", shape("step 1️⃣ then 2⃣"));
        assertEquals(cellOf("1️⃣"), cellOf("1⃣"));
        assertEquals("1 2 3", shape("1 2 3"));
    }

    @Test
    void flagsPairRegionalIndicators() {
        assertEquals("[🇩🇪]|[🇫🇷]| team", shape("🇩🇪🇫🇷 team"));
        assertFalse(cellOf("🇩🇪").equals(cellOf("🇫🇷")));
        assertEquals("[🏴󠁧󠁢󠁳󠁣󠁴󠁿]", shape("🏴󠁧󠁢󠁳󠁣󠁴󠁿"));
    }

    @Test
    void unknownSequencesStayAsText() {
        // A lone regional indicator has no image: it must be kept, not dropped.
        assertEquals("\uD83C\uDDE9 x", shape("\uD83C\uDDE9 x"));
        // U+1FAFF is not assigned yet; it stays as text between the known ones.
        assertEquals("[🎉]|\uD83E\uDEFF|[🎉]", shape("🎉\uD83E\uDEFF🎉"));
    }

    @Test
    void loneSurrogatesNeverThrow() {
        assertEquals("a\uD83Db", shape("a\uD83Db"));
        assertEquals("\uDE00", shape("\uDE00"));
        assertEquals("\uD83D", shape("\uD83D"));
        assertEquals("[🎉]|\uD83D", shape("🎉\uD83D"));
        assertEquals("\uFE0F|[🎉]", shape("\uFE0F🎉"));
    }
}
