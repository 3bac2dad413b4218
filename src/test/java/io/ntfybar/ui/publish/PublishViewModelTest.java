package io.ntfybar.ui.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishViewModelTest {
    @TempDir
    Path home;

    static List<Message> cached(TestCore t, String topic, boolean scheduled) throws Exception {
        Poller poller = new Poller(t.core.requestsFor(t.server.baseUrl()));
        return poller.poll(
                ConnectionKey.anonymous(ServerUrl.of(t.server.baseUrl())),
                null,
                List.of(topic),
                SubscribeQuery.live().withSince("all").withScheduled(scheduled));
    }

    static PublishViewModel open(TestCore t, String topicUrl) {
        PublishViewModel vm = new PublishViewModel(t.core, UiThreads.direct());
        vm.open(topicUrl);
        return vm;
    }

    @Test
    void publishesEveryOptionToTheSubscribedTopicAndClearsTheMessageFields() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            t.subscribe("alerts");
            PublishViewModel vm = open(t, null);
            String shortUrl = ServerUrl.of(t.server.baseUrl()).shortForm() + "/alerts";
            assertEquals(List.of(shortUrl), vm.topicChoices());
            assertEquals(shortUrl, vm.topic.get(), "the only subscription is the first choice");
            vm.title.set("Backup done");
            vm.message.set("**All** good");
            vm.markdown.set(true);
            vm.priority.set(Priority.HIGH);
            vm.tags.set("tada, backup");
            vm.click.set("https://example.com/backups");
            vm.actions.set("view, Open, https://x.example; http, Close door, https://api.example/door, method=PUT");
            assertTrue(vm.canSendProperty().get());

            vm.send();

            assertEquals(
                    PublishViewModel.State.SENT,
                    vm.stateProperty().get(),
                    vm.errorProperty().get());
            List<Message> got = cached(t, "alerts", false);
            assertEquals(1, got.size());
            Message m = got.get(0);
            assertEquals("Backup done", m.title());
            assertEquals("**All** good", m.message());
            assertTrue(m.isMarkdown());
            assertEquals(4, m.priority());
            assertEquals(List.of("tada", "backup"), m.tags());
            assertEquals("https://example.com/backups", m.click());
            assertEquals(2, m.actions().size());
            assertEquals("Close door", m.actions().get(1).label());
            assertEquals("PUT", m.actions().get(1).method());
            assertTrue(
                    vm.statusProperty().get().contains(m.id()),
                    vm.statusProperty().get());
            assertEquals(shortUrl, vm.topic.get(), "the topic stays");
            assertEquals("", vm.title.get());
            assertEquals("", vm.message.get());
            assertEquals("", vm.tags.get());
            assertEquals("", vm.actions.get());
            assertEquals(Priority.DEFAULT, vm.priority.get());
        }
    }

    @Test
    void nonAsciiTitleAndTagsArriveIntactAndAFullTopicUrlIsUsedAsTyped() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PublishViewModel vm = open(t, null);
            vm.topic.set(t.server.baseUrl() + "/unicode");
            assertEquals("", vm.topicErrorProperty().get());
            vm.title.set("Größe ✓ 日本語 🎉");
            vm.message.set("Zeile 1\nZeile 2 — ünïcode");
            vm.tags.set("café, 🎉, warning");
            vm.send();
            Message m = cached(t, "unicode", false).get(0);
            assertEquals("Größe ✓ 日本語 🎉", m.title());
            assertEquals("Zeile 1\nZeile 2 — ünïcode", m.message());
            assertEquals(List.of("café", "🎉", "warning"), m.tags());
        }
    }

    @Test
    void uploadsTheAttachedFileStreamedWithNonAsciiHeaders(@TempDir Path dir) throws Exception {
        try (TestCore t = TestCore.start(home)) {
            byte[] content = new byte[50_000];
            new Random(7).nextBytes(content);
            Path file = dir.resolve("report.bin");
            Files.write(file, content);
            PublishViewModel vm = open(t, t.server.baseUrl() + "/files");
            vm.attach(file);
            assertEquals("report.bin (48.8 KB)", vm.fileInfoProperty().get());
            vm.title.set("Bericht für März");
            vm.message.set("Anbei — the report");
            vm.send();
            assertEquals(
                    PublishViewModel.State.SENT,
                    vm.stateProperty().get(),
                    vm.errorProperty().get());
            Message m = cached(t, "files", false).get(0);
            assertEquals("Bericht für März", m.title());
            assertEquals("Anbei — the report", m.message());
            assertNotNull(m.attachment());
            assertEquals("report.bin", m.attachment().name());
            assertEquals(content.length, m.attachment().size());
            try (Response r = t.core.requestsFor(t.server.baseUrl())
                    .newCall(new Request.Builder().url(m.attachment().url()).build())
                    .execute()) {
                assertArrayEquals(content, r.body().bytes());
            }
            assertNull(vm.fileProperty().get(), "the attachment is cleared after sending");
        }
    }

    @Test
    void anAttachmentUrlIsSentAndABadOneIsRefusedAsTyped() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PublishViewModel vm = open(t, t.server.baseUrl() + "/links");
            vm.attachUrl.set("ftp://files.example.com/a.pdf");
            assertFalse(vm.attachUrlErrorProperty().get().isEmpty());
            assertFalse(vm.canSendProperty().get());
            vm.attachUrl.set("https://files.example.com/report.pdf");
            assertEquals("", vm.attachUrlErrorProperty().get());
            vm.send();
            Message m = cached(t, "links", false).get(0);
            assertEquals("https://files.example.com/report.pdf", m.attachment().url());
            assertEquals("report.pdf", m.attachment().name());
        }
    }

    @Test
    void anEmailTheServerCannotSendIsReportedInItsWords() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PublishViewModel vm = open(t, t.server.baseUrl() + "/mail");
            vm.email.set("not an address");
            assertFalse(vm.emailErrorProperty().get().isEmpty());
            vm.email.set("phil@example.com");
            vm.message.set("hello");
            vm.send();
            assertEquals(PublishViewModel.State.FAILED, vm.stateProperty().get());
            assertTrue(
                    vm.errorProperty().get().toLowerCase().contains("e-mail")
                            || vm.errorProperty().get().toLowerCase().contains("email"),
                    vm.errorProperty().get());
            assertEquals("phil@example.com", vm.email.get());
            assertEquals("hello", vm.message.get());
        }
    }

    @Test
    void aDelayedMessageSaysWhenItWillBeDelivered() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PublishViewModel vm = open(t, t.server.baseUrl() + "/later");
            vm.message.set("in half an hour");
            vm.delay.set("30m");
            long before = Instant.now().getEpochSecond();
            vm.send();
            assertEquals(
                    PublishViewModel.State.SENT,
                    vm.stateProperty().get(),
                    vm.errorProperty().get());
            assertTrue(cached(t, "later", false).isEmpty(), "not delivered yet");
            Message m = cached(t, "later", true).get(0);
            assertTrue(m.time() >= before + 1790, "scheduled for 30 minutes later: " + m.time());
            String status = vm.statusProperty().get();
            assertTrue(status.contains("will be delivered") && status.contains(PublishFields.when(m.time())), status);
        }
    }

    @Test
    void aDelayTheServerCannotParseShowsItsErrorAndKeepsTheFields() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PublishViewModel vm = open(t, t.server.baseUrl() + "/later");
            vm.message.set("when?");
            vm.delay.set("next blue moon");
            assertEquals("", vm.delayErrorProperty().get(), "words are left to the server");
            vm.send();
            assertEquals(PublishViewModel.State.FAILED, vm.stateProperty().get());
            assertTrue(
                    vm.errorProperty().get().toLowerCase().contains("delay"),
                    vm.errorProperty().get());
            assertEquals("next blue moon", vm.delay.get());
            vm.delay.set("<script>");
            assertFalse(vm.delayErrorProperty().get().isEmpty(), "obvious garbage is refused locally");
            assertFalse(vm.canSendProperty().get());
        }
    }

    @Test
    void aServerRefusalIsShownInPlainWordsAndNothingTypedIsLost() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            t.server.auth().enable("deny-all");
            PublishViewModel vm = open(t, t.server.baseUrl() + "/secret");
            vm.title.set("Door");
            vm.message.set("open it");
            vm.tags.set("door");
            vm.actions.set("view, Look, https://cam.example");
            vm.send();
            assertEquals(PublishViewModel.State.FAILED, vm.stateProperty().get());
            String error = vm.errorProperty().get();
            assertFalse(error.isBlank());
            assertFalse(error.contains("{"), "no raw JSON: " + error);
            assertTrue(error.endsWith("."), error);
            assertEquals("Door", vm.title.get());
            assertEquals("open it", vm.message.get());
            assertEquals("door", vm.tags.get());
            assertEquals("view, Look, https://cam.example", vm.actions.get());
            assertEquals(0, t.server.cachedMessages());
        }
    }

    @Test
    void invalidActionsShowAnInlineErrorAndSendNothing() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PublishViewModel vm = open(t, t.server.baseUrl() + "/acts");
            vm.message.set("x");
            vm.actions.set("view, Open");
            assertEquals(
                    "Actions: parameter 'url' is required for action 'view'.",
                    vm.actionsErrorProperty().get());
            assertFalse(vm.canSendProperty().get());
            vm.send();
            assertFalse(vm.errorProperty().get().isEmpty());
            assertEquals(PublishViewModel.State.EDITING, vm.stateProperty().get());
            assertEquals(0, t.server.cachedMessages());
            vm.actions.set("view, Open, https://x.example");
            assertEquals("", vm.actionsErrorProperty().get());
        }
    }

    @Test
    void tagSuggestionsMatchNtfyEmojiAliases() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PublishViewModel vm = open(t, null);
            vm.tags.set("warning, tad");
            assertTrue(
                    vm.tagSuggestions().contains(new TagSuggestions.Suggestion("tada", "🎉")),
                    vm.tagSuggestions().toString());
            vm.acceptSuggestion(vm.tagSuggestions().get(0));
            assertEquals("warning, tada, ", vm.tags.get());
            assertTrue(vm.tagSuggestions().isEmpty());
            vm.tags.set("warning");
            assertTrue(vm.tagSuggestions().isEmpty(), "a complete alias needs no suggestion");
        }
    }

    @Test
    void topicIsValidatedAsTypedAndTheLastTopicIsRemembered() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PublishViewModel vm = open(t, null);
            vm.topic.set("no spaces allowed");
            assertFalse(vm.topicErrorProperty().get().isEmpty());
            assertFalse(vm.canSendProperty().get());
            vm.topic.set("ntfy.example.com/ok_topic");
            assertEquals("", vm.topicErrorProperty().get());
            vm.topic.set(t.server.baseUrl() + "/first");
            vm.send();
            vm.topic.set("");
            vm.open(null);
            assertEquals(t.server.baseUrl() + "/first", vm.topic.get());
            vm.open("https://ntfy.sh/other");
            assertEquals("ntfy.sh/other", vm.topic.get());
            t.core.updateSettings(s -> s.withDefaultServer("https://ntfy.example.com"));
            vm.open("bare");
            assertEquals("ntfy.example.com/bare", vm.topic.get(), "a bare topic is on the default server");
            assertTrue(vm.topicHelpProperty().get().contains("ntfy.example.com"));
        }
    }
}
