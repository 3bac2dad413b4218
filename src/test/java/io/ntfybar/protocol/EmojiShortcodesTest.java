package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmojiShortcodesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                ":tada: done             | 🎉 done",
                "done :tada:             | done 🎉",
                "done :tada:!            | done 🎉!",
                "build :white_check_mark:, deploy :x:. | build ✅, deploy ❌.",
                "(:tada:)                | (:tada:)",
                "a\t:+1:\tb              | a\t👍\tb",
                "root:x:0:0              | root:x:0:0",
                "12:30:45                | 12:30:45",
                ":x:0                    | :x:0",
                "x:tada:                 | x:tada:",
                ":no_such_emoji_name:    | :no_such_emoji_name:",
                ":TADA:                  | :TADA:",
                ":tada::tada:            | 🎉:tada:",
                "nothing here            | nothing here",
                "$1 :tada: \\0           | $1 🎉 \\0"
            })
    void replacesOnlyStandAloneKnownShortcodes(String in, String out) {
        assertEquals(out, EmojiShortcodes.replace(in));
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertNull(EmojiShortcodes.replace(null));
        assertEquals("", EmojiShortcodes.replace(""));
    }
}
