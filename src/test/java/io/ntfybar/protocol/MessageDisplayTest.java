package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageDisplayTest {
    private static final MessageDisplay DISPLAY = MessageDisplay.withNtfyShDefault();
    private static final ServerUrl OWN = ServerUrl.of("http://10.0.0.2:8080");

    private static Message message(String title, String text, List<String> tags) {
        return new Message(
                "abcdefghijkl",
                1,
                null,
                "message",
                "alerts",
                title,
                text,
                4,
                tags,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void emojiTagsGoBeforeTheTitleConcatenatedLikeAndroid() {
        DisplayText t = DISPLAY.render(
                message("Backup failed", "Disk full", List.of("rotating_light", "warning", "nas")),
                ServerUrl.NTFY_SH,
                null);
        assertEquals("🚨⚠️ Backup failed", t.title());
        assertEquals("Disk full", t.body());
        assertTrue(t.hasOwnTitle());
        assertEquals(List.of("nas"), t.otherTags());
        assertEquals(Optional.of("Tags: nas"), t.tagsLine());
    }

    @Test
    void withoutTitleTheEmojisGoBeforeTheMessageAndTheTopicIsTheTitle() {
        DisplayText t = DISPLAY.render(message(null, "Disk full", List.of("skull")), ServerUrl.NTFY_SH, null);
        assertEquals("alerts", t.title());
        assertEquals("💀 Disk full", t.body());
        assertFalse(t.hasOwnTitle());
    }

    @Test
    void titleFallsBackToDisplayNameThenTopicThenShortUrl() {
        Message m = message("", "hi", List.of());
        assertEquals("Home NAS", DISPLAY.render(m, OWN, " Home NAS ").title());
        assertEquals("alerts", DISPLAY.render(m, ServerUrl.of("ntfy.sh/"), null).title());
        assertEquals("10.0.0.2:8080/alerts", DISPLAY.render(m, OWN, "  ").title());
        assertEquals(
                "ntfy.example.com/alerts",
                DISPLAY.render(m, ServerUrl.of("https://ntfy.example.com"), null)
                        .title());
    }

    @Test
    void defaultServerIsAParameter() {
        MessageDisplay own = new MessageDisplay(OWN);
        assertEquals(
                "alerts", own.render(message(null, "hi", List.of()), OWN, null).title());
        assertEquals(
                "ntfy.sh/alerts",
                own.render(message(null, "hi", List.of()), ServerUrl.NTFY_SH, null)
                        .title());
    }

    @Test
    void nonEmojiTagsAreListedSeparatelyInOrder() {
        DisplayText t = DISPLAY.render(
                message("T", "m", List.of("zfs-issue", "+1", "Warning", "tag 2")), ServerUrl.NTFY_SH, null);
        assertEquals("👍 T", t.title());
        assertEquals(Optional.of("Tags: zfs-issue, Warning, tag 2"), t.tagsLine());
    }

    @Test
    void noTagsMeansNoPrefixAndNoTagsLine() {
        DisplayText t = DISPLAY.render(message("T", "m", List.of()), ServerUrl.NTFY_SH, null);
        assertEquals("T", t.title());
        assertEquals(Optional.empty(), t.tagsLine());
    }

    @Test
    void colonWrappedTagsAreEmojisLikeOnAndroid() {
        assertEquals("⚠️", MessageDisplay.emojiPrefix(List.of(":warning:")));
        assertEquals(List.of(), MessageDisplay.otherTags(List.of(":warning:")));
    }

    @Test
    void base64MessageIsShownAsBinaryNeverAsText() {
        Message m = new Message(
                "a",
                1,
                null,
                "message",
                "up1",
                null,
                "AAEC/f7/",
                3,
                List.of("tada"),
                null,
                null,
                null,
                null,
                null,
                null,
                "base64",
                null);
        DisplayText t = DISPLAY.render(m, ServerUrl.NTFY_SH, null);
        assertEquals("🎉 binary message, 6 bytes", t.body());
        assertEquals(
                "binary message, 1 byte",
                MessageDisplay.bodyText(new Message(
                        "a", 1, null, "message", "up1", null, "AA==", 3, null, null, null, null, null, null, null,
                        "base64", null)));
    }

    @Test
    void emojiOnlyBodyHasNoTrailingSpace() {
        assertEquals(
                "🎉",
                DISPLAY.render(message(null, null, List.of("tada")), ServerUrl.NTFY_SH, null)
                        .body());
    }

    @Test
    void markdownOnlyForTheMarkdownContentType() {
        Message md = new Message(
                "a",
                1,
                null,
                "message",
                "t",
                null,
                "**x**",
                3,
                null,
                null,
                null,
                null,
                null,
                null,
                "text/markdown",
                null,
                null);
        Message other = new Message(
                "a",
                1,
                null,
                "message",
                "t",
                null,
                "**x**",
                3,
                null,
                null,
                null,
                null,
                null,
                null,
                "text/html",
                null,
                null);
        assertTrue(DISPLAY.render(md, ServerUrl.NTFY_SH, null).markdown());
        assertFalse(DISPLAY.render(other, ServerUrl.NTFY_SH, null).markdown());
        assertFalse(DISPLAY.render(message("T", "**x**", List.of()), ServerUrl.NTFY_SH, null)
                .markdown());
    }

    @Test
    void priorityNamesAndNumbers() {
        assertEquals("high (4)", MessageDisplay.priorityText(Priority.HIGH));
        assertEquals(
                "default (3)",
                MessageDisplay.priorityText(
                        MessageCodec.decodeLine("{\"id\":\"a\",\"time\":1,\"event\":\"message\",\"topic\":\"t\"}")
                                .priorityLevel()));
        assertEquals(
                Priority.HIGH,
                DISPLAY.render(message("T", "m", List.of()), ServerUrl.NTFY_SH, null)
                        .priority());
        assertEquals(Optional.of(Priority.MAX), MessageDisplay.parsePriority(" Urgent "));
        assertEquals(Optional.of(Priority.MIN), MessageDisplay.parsePriority("1"));
        assertEquals(Optional.empty(), MessageDisplay.parsePriority("6"));
    }

    @Test
    void renderingNeverFailsOnATopicTheServerWouldNotAccept() {
        Message m = new Message(
                "a",
                1,
                null,
                "message",
                "odd.topic",
                null,
                "hi",
                3,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertEquals("10.0.0.2:8080/odd.topic", DISPLAY.render(m, OWN, null).title());
        assertEquals(
                "ntfy.sh/alerts", new MessageDisplay(OWN).topicDisplayName(TopicUrl.parse("ntfy.sh/alerts"), null));
        assertEquals("alerts", DISPLAY.topicDisplayName(TopicUrl.parse("ntfy.sh/alerts"), null));
    }
}
