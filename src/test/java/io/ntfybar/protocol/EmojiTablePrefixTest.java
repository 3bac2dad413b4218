package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmojiTablePrefixTest {
    @Test
    void prefixFindsAliasesShortestFirstCaseInsensitive() {
        assertEquals(List.of("tada"), EmojiTable.aliasesStartingWith("tad", 10));
        assertEquals(List.of("tada"), EmojiTable.aliasesStartingWith("TAD", 10));
        List<String> war = EmojiTable.aliasesStartingWith("warn", 10);
        assertEquals("warning", war.get(0));
        List<String> s = EmojiTable.aliasesStartingWith("s", 5);
        assertEquals(5, s.size());
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.get(i - 1).length() <= s.get(i).length(), s.toString());
        }
    }

    @Test
    void emptyPrefixOrNoMatchGivesNothing() {
        assertEquals(List.of(), EmojiTable.aliasesStartingWith("", 10));
        assertEquals(List.of(), EmojiTable.aliasesStartingWith(null, 10));
        assertEquals(List.of(), EmojiTable.aliasesStartingWith("zzzqq", 10));
        assertEquals(List.of(), EmojiTable.aliasesStartingWith("tad", 0));
    }
}
