package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code emoji-aliases.tsv} against ntfy's original gemoji JSON ({@code protocol/ntfy-emoji.json}, a
 * copy of ntfy's {@code scripts/emoji.json}, sha256 7cc793e0…01e0). The TSV is generated from that JSON by
 * {@link EmojiTsvGenerator} (its Javadoc has the one-line command); the JSON is parsed here independently.
 */
class EmojiTableTest {

    @Test
    void everyNtfyAliasMapsToExactlyTheSameEmoji() throws Exception {
        JsonNode gemoji = EmojiTsvGenerator.readGemoji();
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode entry : gemoji) {
            for (JsonNode alias : entry.get("aliases")) {
                expected.put(alias.textValue(), entry.get("emoji").textValue());
            }
        }
        assertEquals(1855, expected.size());
        assertEquals(1855, EmojiTable.size());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(Optional.of(e.getValue()), EmojiTable.forAlias(e.getKey()), e.getKey());
        }
    }

    @Test
    void shippedTableIsExactlyTheGeneratorOutput() throws Exception {
        String shipped;
        try (InputStream in = EmojiTable.class.getResourceAsStream("emoji-aliases.tsv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(EmojiTsvGenerator.generate(EmojiTsvGenerator.readGemoji()), shipped);
        assertTrue(shipped.contains("GitHub gemoji") && shipped.contains("MIT licence, as used by ntfy"));
    }

    @Test
    void knownAliasesFromTheProtocolNotes() {
        assertEquals(Optional.of("\u26A0\uFE0F"), EmojiTable.forAlias("warning"));
        assertEquals(Optional.of("💀"), EmojiTable.forAlias("skull"));
        assertEquals(Optional.of("👍"), EmojiTable.forAlias("+1"));
        assertEquals(Optional.of("👎"), EmojiTable.forAlias("-1"));
        assertEquals(Optional.of("🚨"), EmojiTable.forAlias("rotating_light"));
        assertEquals(Optional.of("✔️"), EmojiTable.forAlias("heavy_check_mark"));
        assertEquals(Optional.of("🤦"), EmojiTable.forAlias("facepalm"));
    }

    @Test
    void aliasLookupIsExactAndCaseSensitive() {
        assertEquals(Optional.empty(), EmojiTable.forAlias("Warning"));
        assertEquals(Optional.empty(), EmojiTable.forAlias(" warning"));
        assertEquals(Optional.empty(), EmojiTable.forAlias(":warning:"));
        assertEquals(Optional.empty(), EmojiTable.forAlias(""));
        assertEquals(Optional.empty(), EmojiTable.forAlias(null));
    }

    @Test
    void tagLookupDropsOneColonOnEachSideLikeAndroid() {
        assertEquals(EmojiTable.forAlias("warning"), EmojiTable.forTag(":warning:"));
        assertEquals(EmojiTable.forAlias("warning"), EmojiTable.forTag(":warning"));
        assertEquals(EmojiTable.forAlias("warning"), EmojiTable.forTag("warning:"));
        assertEquals(Optional.empty(), EmojiTable.forTag("::warning::"));
        assertEquals(Optional.empty(), EmojiTable.forTag(":"));
        assertEquals(Optional.empty(), EmojiTable.forTag("::"));
        assertEquals(Optional.empty(), EmojiTable.forTag(""));
    }
}
