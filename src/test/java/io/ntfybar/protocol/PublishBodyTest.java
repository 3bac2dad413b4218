package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ntfybar.model.Action;
import io.ntfybar.model.Priority;
import io.ntfybar.model.PublishRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void plainMessageHasOnlyTopicAndMessage() {
        assertEquals(
                "{\"topic\":\"mytopic\",\"message\":\"hi\"}", PublishBody.encode(PublishRequest.to("mytopic", "hi")));
    }

    @Test
    void everyOptionIsWrittenWithNtfysKeysAndTypes() throws Exception {
        PublishRequest r = PublishRequest.to("mytopic", "A message")
                .withTitle("a title\nwith lines")
                .withPriority(Priority.HIGH)
                .withTags(List.of("tag1", "tag 2"))
                .withClick("http://ntfy.sh")
                .withIcon("https://ntfy.sh/static/img/ntfy.png")
                .withAttachment("http://google.com", "google.pdf")
                .withActions(List.of(Action.view("Open", "https://x.org", true)))
                .withMarkdown(true)
                .withEmail("phil@example.com")
                .withCall("yes")
                .withDelay("30min")
                .withCache(false)
                .withFirebase(false)
                .withSequenceId("backup-7");
        assertEquals(
                JSON.readTree(
                        """
                {"topic":"mytopic","message":"A message","title":"a title\\nwith lines","priority":4,
                 "tags":["tag1","tag 2"],"click":"http://ntfy.sh","icon":"https://ntfy.sh/static/img/ntfy.png",
                 "actions":[{"action":"view","label":"Open","clear":true,"url":"https://x.org"}],
                 "attach":"http://google.com","filename":"google.pdf","markdown":true,"email":"phil@example.com",
                 "call":"yes","delay":"30min","cache":"no","firebase":"no","sequence_id":"backup-7"}
                """),
                JSON.readTree(PublishBody.encode(r)));
    }

    @Test
    void invalidTopicIsRefusedBeforeSending() {
        assertEquals(
                "the topic 'a/b' contains '/'; a topic may only use letters, digits, '-' and '_'",
                assertThrows(ProtocolException.class, () -> PublishBody.encode(PublishRequest.to("a/b", "x")))
                        .getMessage());
    }

    @Test
    void invalidActionsAreRefusedWithNtfysWording() {
        List<Action> four = List.of(
                Action.view("a", "https://a", false),
                Action.view("b", "https://b", false),
                Action.view("c", "https://c", false),
                Action.view("d", "https://d", false));
        assertEquals(
                "only 3 actions allowed",
                assertThrows(
                                ProtocolException.class,
                                () -> PublishBody.encode(
                                        PublishRequest.to("t", "x").withActions(four)))
                        .getMessage());
    }

    @Test
    void iconAndAttachmentMustBeHttpUrls() {
        assertEquals(
                "the icon URL must start with http:// or https://, not 'file:///etc/passwd'",
                assertThrows(
                                ProtocolException.class,
                                () -> PublishBody.encode(
                                        PublishRequest.to("t", "x").withIcon("file:///etc/passwd")))
                        .getMessage());
        assertThrows(
                ProtocolException.class,
                () -> PublishBody.encode(PublishRequest.to("t", "x").withAttachment("not a URL", null)));
    }

    @Test
    void bodyOverTheServerLimitIsRefused() {
        assertEquals(
                "the message is too large to publish (8226 bytes as JSON, at most 8192); shorten it or send "
                        + "the text as an attachment",
                assertThrows(
                                ProtocolException.class,
                                () -> PublishBody.encode(PublishRequest.to("t", "x".repeat(8200))))
                        .getMessage());
        PublishBody.encode(PublishRequest.to("t", "x".repeat(8000)));
    }

    @Test
    void nonAsciiTextIsWrittenAsIsInJson() throws Exception {
        String json = PublishBody.encode(PublishRequest.to("t", "🇩🇪 grüße").withTitle("ntfy 很棒"));
        assertEquals("🇩🇪 grüße", JSON.readTree(json).get("message").textValue());
        assertEquals("ntfy 很棒", JSON.readTree(json).get("title").textValue());
    }
}
