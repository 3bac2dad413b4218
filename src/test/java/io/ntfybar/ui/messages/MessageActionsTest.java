package io.ntfybar.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.render.Renderer;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.LoopbackHttp;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Action buttons, notification action results and revisions, on the real core and real HTTP. */
class MessageActionsTest {
    @TempDir
    Path home;

    TestCore t;
    LoopbackHttp http;
    MessagesViewModel vm;
    Subscription s;

    @BeforeEach
    void start() throws Exception {
        t = TestCore.start(home);
        http = new LoopbackHttp();
        http.on("/ok", 200, "done".getBytes(StandardCharsets.UTF_8), "text/plain");
        http.on("/broken", 500, "boom".getBytes(StandardCharsets.UTF_8), "text/plain");
        vm = new MessagesViewModel(t.core, UiThreads.direct(), Duration.ZERO);
        s = t.subscribe("ops");
        t.server.publish(
                "ops",
                "restart the service?",
                Map.of(
                        "Title",
                        "web-01 down",
                        "Actions",
                        "http, Restart, " + http.baseUrl() + "/ok; http, Break, " + http.baseUrl()
                                + "/broken; view, Sneaky, javascript:alert(1)"));
        Await.until("stored", () -> t.core.messages().unreadCounts().getOrDefault(s.id(), 0) == 1);
        t.core.flush();
        vm.start();
        vm.select(s.id());
    }

    @AfterEach
    void stop() {
        vm.stop();
        http.close();
        t.close();
    }

    private MessageItem item() {
        return vm.list().items().get(0);
    }

    @Test
    void httpActionRunsOnlyOnClickAndShowsTheOutcome() throws Exception {
        assertEquals(0, http.pending(), "nothing ran before the click");
        vm.runAction(item(), 0);
        Await.until("the ✔", () -> item().action(0).get().status() == ActionState.Status.SUCCEEDED);
        assertEquals("/ok", http.next().path());

        vm.runAction(item(), 1);
        Await.until("the ❌", () -> item().action(1).get().status() == ActionState.Status.FAILED);
        assertTrue(
                item().action(1).get().reason().contains("500"),
                item().action(1).get().reason());
        assertEquals(ActionState.IDLE, item().action(2).get());
    }

    @Test
    void aRefusedViewLinkShowsWhyAndOpensNothing() {
        vm.runAction(item(), 2);
        ActionState st = item().action(2).get();
        assertEquals(ActionState.Status.FAILED, st.status());
        assertNotNull(st.reason());
        assertTrue(
                vm.noticeProperty().get().startsWith("Not opened: "),
                vm.noticeProperty().get());
    }

    @Test
    void aNotificationsActionResultLandsOnThatMessagesButton() throws Exception {
        String identity = Renderer.identity(
                ServerUrl.of(t.server.baseUrl()),
                "ops",
                item().stored().message().effectiveSequenceId());
        t.core.notifications().onAction(identity, 1); // the user pressed "Break" in the notification
        Await.until("the ❌ from the notification", () -> item().action(1).get().status() == ActionState.Status.FAILED);
        assertEquals(ActionState.IDLE, item().action(0).get());
        assertEquals("/broken", http.next().path());

        // an item built later (a search result) shows the outcome too
        vm.search().queryProperty().set("restart");
        assertEquals(
                ActionState.Status.FAILED,
                vm.search().results().get(0).action(1).get().status());
        assertNull(vm.search().results().get(0).action(0).get().reason());
    }

    @Test
    void aRevisionReplacesTheMessageItRevises() throws Exception {
        t.server.publish("ops", "v1", Map.of("X-Sequence-ID", "deploy-7"));
        t.publishAndWait("ops", "different");
        t.server.publish("ops", "v2", Map.of("X-Sequence-ID", "deploy-7"));
        Await.until("v2 listed", () -> vm.list().items().stream()
                .anyMatch(i -> "v2".equals(i.stored().message().message())));
        assertTrue(vm.list().items().stream()
                .noneMatch(i -> "v1".equals(i.stored().message().message())));
        assertEquals(3, vm.list().items().size());
    }
}
