package io.ntfybar.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownTextTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("# Deploy done", "Deploy done"),
                Arguments.of("## Status ##", "Status"),
                Arguments.of("**bold** and *italic* and __strong__ and _em_", "bold and italic and strong and em"),
                Arguments.of("~~old~~ new", "old new"),
                Arguments.of("run `rm -rf *build*` now", "run rm -rf *build* now"),
                Arguments.of("see [the log](https://ci.example.com/42)", "see the log (https://ci.example.com/42)"),
                Arguments.of("[https://x.org](https://x.org)", "https://x.org"),
                Arguments.of("![graph](https://x.org/g.png) attached", "graph attached"),
                Arguments.of("<https://x.org/a>", "https://x.org/a"),
                Arguments.of("- one\n* two\n+ three", "• one\n• two\n• three"),
                Arguments.of("- [ ] todo\n- [x] done", "• ☐ todo\n• ☑ done"),
                Arguments.of("1. first\n2. second", "1. first\n2. second"),
                Arguments.of("> quoted\n> > twice", "quoted\ntwice"),
                Arguments.of("above\n\n---\n\nbelow", "above\n\n\nbelow"),
                Arguments.of("```\ncode *stays*\n```", "code *stays*"),
                Arguments.of("| a | b |\n|---|---|\n| 1 | 2 |", "a | b\n1 | 2"),
                Arguments.of("5 \\* 3 = 15", "5 * 3 = 15"),
                Arguments.of("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
                Arguments.of("<script>alert(1)</script> <b>x</b>", "<script>alert(1)</script> <b>x</b>"),
                Arguments.of("a\u0000b", "ab"),
                Arguments.of("", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void marksGoWordsStayAndHtmlIsNeverInterpreted(String markdown, String plain) {
        assertEquals(plain, MarkdownText.toPlain(markdown));
    }
}
