package io.ntfybar.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Publish window driven like a user: typing into fields by id, a tag suggestion, Send, Ctrl+Enter, Escape. */
@Tag("fx-flow")
class PublishWindowFlowTest {
    @TempDir
    Path home;

    @Test
    void aFilledFormReachesTheServer() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            t.subscribe("flow");
            FxTests.startToolkit();
            PublishWindow w = FxTests.onFx(() -> new PublishWindow(t.core, null, UiThreads.standard()));
            FxTests.onFx(() -> w.show(null));
            FxRobot robot = new FxRobot();
            String shortUrl = t.server.baseUrl().replace("http://", "") + "/flow";
            ComboBox<?> topic = robot.lookup("#topic").queryAs(ComboBox.class);
            Await.until(
                    "the subscribed topic filled in",
                    () -> shortUrl.equals(FxTests.onFx(() -> topic.getEditor().getText())));

            robot.clickOn("#title").write("Flow title");
            robot.clickOn("#message").write("Flow body");
            robot.clickOn("#tags").write("tad");
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#tag-tada");
            robot.write("warn");
            WaitForAsyncUtils.waitForFxEvents();
            robot.type(KeyCode.DOWN).type(KeyCode.ENTER); // the keyboard way to take a suggestion
            robot.write("backup");
            robot.clickOn("#actions").write("view, Open, https://example.com/x");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("", robot.lookup("#actionsError").queryAs(Label.class).getText());
            robot.clickOn("#send");

            Await.until("the message on the server", () -> cached(t).size() == 1);
            Message m = cached(t).get(0);
            assertEquals("Flow title", m.title());
            assertEquals("Flow body", m.message());
            assertEquals(List.of("tada", "warning", "backup"), m.tags());
            assertEquals("https://example.com/x", m.actions().get(0).url());
            Label status = robot.lookup("#status").queryAs(Label.class);
            Await.until("Sent with the id", () -> FxTests.onFx(() -> status.getText())
                    .contains(m.id()));
            assertEquals("", FxTests.onFx(() -> robot.lookup("#title")
                    .queryAs(TextField.class)
                    .getText()));

            robot.clickOn("#message").write("by shortcut");
            robot.press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
            Await.until("the second message", () -> cached(t).size() == 2);
            assertEquals("by shortcut", cached(t).get(1).message());

            Stage stage = FxTests.onFx(w::stage);
            robot.clickOn("#title").type(KeyCode.ESCAPE);
            Await.until("Escape hides the window", () -> !FxTests.onFx(stage::isShowing));
            FxTests.onFx(() -> w.show(null));
            settled();
            assertEquals(shortUrl, FxTests.onFx(() -> topic.getEditor().getText()), "the topic is remembered");
            assertFalse(FxTests.onFx(() -> topic.getEditor().getText()).isEmpty());
            FxTests.onFx(() -> stage.hide());
        }
    }

    @Test
    void invalidActionsShowTheErrorInlineAndSendIsDisabled() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            FxTests.startToolkit();
            PublishWindow w = FxTests.onFx(() -> new PublishWindow(t.core, null, UiThreads.standard()));
            FxTests.onFx(() -> w.show(t.server.baseUrl() + "/flow"));
            FxRobot robot = new FxRobot();
            robot.clickOn("#actions").write("view, Open");
            WaitForAsyncUtils.waitForFxEvents();
            Label error = robot.lookup("#actionsError").queryAs(Label.class);
            assertTrue(FxTests.onFx(error::getText).contains("url"), FxTests.onFx(error::getText));
            assertTrue(FxTests.onFx(() -> robot.lookup("#send").query().isDisabled()));
            assertEquals(0, t.server.cachedMessages());
            FxTests.onFx(() -> w.stage().hide());
        }
    }

    /** Waits until the window's I/O work queued so far (one thread, in order) and its FX follow-ups have run. */
    private static void settled() throws InterruptedException {
        java.util.concurrent.CountDownLatch io = new java.util.concurrent.CountDownLatch(1);
        UiThreads.standard().io().execute(io::countDown);
        Await.until("the I/O work queued so far", () -> io.getCount() == 0);
        FxTests.drainFx();
    }

    private static List<Message> cached(TestCore t) {
        try {
            return PublishViewModelTest.cached(t, "flow", false);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
