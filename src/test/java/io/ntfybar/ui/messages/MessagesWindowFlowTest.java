package io.ntfybar.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.LoopbackHttp;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.RecordingWindows;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window on the real core and test server, driven by TestFX's robot (node ids, typing, clicks). */
@Tag("fx-flow")
class MessagesWindowFlowTest {
    @TempDir
    Path home;

    TestCore t;
    MessagesWindow window;
    Stage stage;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() {
        t = TestCore.start(home);
        FxTests.startToolkit();
    }

    @AfterEach
    void close() {
        if (stage != null) {
            FxTests.onFx(stage::hide);
        }
        t.close();
    }

    private void show(long subId) {
        window = FxTests.onFx(() -> new MessagesWindow(t.core, new RecordingWindows(), UiThreads.standard()));
        stage = FxTests.onFx(() -> {
            // the theme's colours (base.css is not on this branch): keeps the log free of lookup warnings
            window.stage().getScene().getStylesheets().add(0, DemoTheme.stylesheet());
            window.show(subId, 0);
            return window.stage();
        });
    }

    /** Waits until {@code condition}, read on the FX thread (where the window's nodes live), holds. */
    private static void awaitOnFx(String what, BooleanSupplier condition) {
        Await.until(what, () -> FxTests.onFx(condition::getAsBoolean));
    }

    /** A Text node showing exactly this text is on screen in the window. */
    private boolean showsText(String text) {
        return robot.from(stage.getScene().getRoot())
                .lookup((Node n) -> n instanceof Text tx
                        && tx.getText().equals(text)
                        && n.isVisible()
                        && n.getScene() != null
                        && isShownInVisibleList(n))
                .tryQuery()
                .isPresent();
    }

    private static boolean isShownInVisibleList(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private ListView<MessageItem> list(String id) {
        return (ListView<MessageItem>) stage.getScene().lookup(id);
    }

    @Test
    void aLiveMessageAppearsAndSearchFindsIt() throws Exception {
        Subscription s = t.subscribe("kitchen");
        show(s.id());
        awaitOnFx(
                "the empty state",
                () -> list("#messages").getItems().isEmpty()
                        && window.viewModel().emptyStateProperty().get().kind() == EmptyState.Kind.NO_MESSAGES);

        t.server.publish("kitchen", "the kettle has boiled");
        awaitOnFx("the live message on screen", () -> showsText("the kettle has boiled"));

        robot.clickOn("#search").write("kettle");
        awaitOnFx(
                "the search result",
                () -> list("#search-results").isVisible()
                        && list("#search-results").getItems().size() == 1
                        && showsText("the kettle has boiled"));

        robot.clickOn("#search").type(javafx.scene.input.KeyCode.ESCAPE);
        awaitOnFx(
                "the list back",
                () -> list("#messages").isVisible()
                        && ((javafx.scene.control.TextField) stage.getScene().lookup("#search"))
                                .getText()
                                .isEmpty());
    }

    @Test
    void httpActionButtonsShowTheOutcome() throws Exception {
        try (LoopbackHttp http = new LoopbackHttp()) {
            http.on("/ok", 200, "fine".getBytes(StandardCharsets.UTF_8), "text/plain");
            http.on("/broken", 500, "boom".getBytes(StandardCharsets.UTF_8), "text/plain");
            Subscription s = t.subscribe("ops");
            t.server.publish(
                    "ops",
                    "web-01 is down",
                    Map.of(
                            "Actions",
                            "http, Restart, " + http.baseUrl() + "/ok; http, Break, " + http.baseUrl() + "/broken"));
            Await.until("stored", () -> t.core.messages().unreadCounts().getOrDefault(s.id(), 0) == 1);
            show(s.id());
            awaitOnFx("the message", () -> showsText("web-01 is down"));
            long row = FxTests.onFx(() -> list("#messages").getItems().get(0).rowId());
            assertEquals(0, http.pending(), "nothing runs before a click");

            robot.clickOn("#action-" + row + "-0");
            awaitOnFx("✔", () -> ((Button) stage.getScene().lookup("#action-" + row + "-0"))
                    .getText()
                    .equals("Restart ✔"));
            assertEquals("/ok", http.next().path());

            robot.clickOn("#action-" + row + "-1");
            awaitOnFx("❌", () -> ((Button) stage.getScene().lookup("#action-" + row + "-1"))
                    .getText()
                    .equals("Break ❌"));
            String tip = FxTests.onFx(() -> ((Button) stage.getScene().lookup("#action-" + row + "-1"))
                    .getTooltip()
                    .getText());
            assertTrue(tip.contains("500"), tip);
        }
    }

    @Test
    void aLiveMessageDoesNotMoveWhatTheUserReads() throws Exception {
        Subscription s = t.subscribe("busy");
        t.server.publishMany("busy", 60, i -> "line " + i);
        Await.until("stored", () -> t.core.messages().unreadCounts().getOrDefault(s.id(), 0) == 60);
        show(s.id());
        awaitOnFx("the first page", () -> list("#messages").getItems().size() >= 50);
        FxTests.onFx(() -> list("#messages").scrollTo(20));
        // Under load the list may settle a row or two off the requested one: what matters is that it scrolled.
        awaitOnFx("scrolled", () -> window.viewModel().list().topIndexProperty().get() > 5);
        int[] last = {-1, 0};
        awaitOnFx("the scroll settled", () -> {
            int now = window.viewModel().list().topIndexProperty().get();
            last[1] = now == last[0] ? last[1] + 1 : 0;
            last[0] = now;
            return last[1] >= 5; // the same row for five reads in a row (the poll sleeps between reads)
        });
        MessageItem reading = FxTests.onFx(() -> firstVisible().getItem());
        assertTrue(
                reading.stored().message().message().startsWith("line "),
                reading.stored().message().message());

        t.server.publish("busy", "breaking news");
        awaitOnFx("the new message listed", () -> list("#messages")
                .getItems()
                .get(0)
                .stored()
                .message()
                .message()
                .equals("breaking news"));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(reading, FxTests.onFx(() -> firstVisible().getItem()), "the first visible message stayed");
    }

    @Test
    void aNewSubscriptionAboveTheSelectedOneDoesNotChangeTheSelection() throws Exception {
        t.subscribe("mmm");
        Subscription zzz = t.subscribe("zzz");
        show(zzz.id());
        awaitOnFx("zzz selected", () -> window.viewModel().selectedProperty().get() == zzz.id());
        t.core.subscriptions().add(Subscription.of(t.server.baseUrl(), "aaa"));
        t.core.subscriptionsChanged();
        @SuppressWarnings("unchecked")
        ListView<SidebarItem> sidebar = (ListView<SidebarItem>) stage.getScene().lookup("#sidebar");
        awaitOnFx("the new row", () -> sidebar.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                zzz.id(),
                FxTests.onFx(() -> window.viewModel().selectedProperty().get()));
        assertEquals(
                zzz.id(),
                FxTests.onFx(() -> sidebar.getSelectionModel().getSelectedItem().id()));

        robot.clickOn((Node) FxTests.onFx(() -> sidebar.lookupAll(".sidebar-cell").stream()
                .filter(n -> n instanceof SidebarCell c
                        && c.getItem() != null
                        && c.getItem().name().endsWith("/mmm"))
                .findFirst()
                .orElseThrow()));
        awaitOnFx(
                "mmm selected by a click",
                () -> window.viewModel().selectedItemProperty().get() != null
                        && window.viewModel()
                                .selectedItemProperty()
                                .get()
                                .name()
                                .endsWith("/mmm"));
    }

    @SuppressWarnings("unchecked")
    private IndexedCell<MessageItem> firstVisible() {
        var flow = (javafx.scene.control.skin.VirtualFlow<IndexedCell<MessageItem>>)
                list("#messages").lookup(".virtual-flow");
        return flow.getFirstVisibleCell();
    }
}
