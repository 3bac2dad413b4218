package io.ntfybar.ui.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.RecordingWindows;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The Subscribe window driven like a user: typing into fields and clicking, against the test server with auth. */
@Tag("fx-flow")
class SubscribeWindowFlowTest {
    @TempDir
    Path home;

    TestCore t;
    SubscribeWindow window;
    RecordingWindows windows = new RecordingWindows();
    FxRobot robot = new FxRobot();
    String host;

    @BeforeEach
    void open() {
        FxTests.startToolkit();
        t = TestCore.start(home);
        host = t.server.baseUrl().substring("http://".length());
        t.server.auth().enable("deny-all").addUser("phil", "s3cret", false).allow("phil", "alerts", true, false);
        t.server.auth().addUser("eve", "evepw", false);
        // The test server as the default server: the form starts with it filled in.
        t.core.updateSettings(s -> s.withDefaultServer(t.server.baseUrl()));
        window = FxTests.onFx(() -> new SubscribeWindow(t.core, windows, UiThreads.standard()));
        FxTests.onFx(window::show);
        Await.until(
                "the default server filled in",
                () -> FxTests.onFx(() -> t.server
                        .baseUrl()
                        .equals(window.viewModel().serverProperty().get())));
    }

    @AfterEach
    void close() {
        FxTests.onFx(() -> window.stage().hide());
        t.close();
    }

    @Test
    void aWrongTokenShowsTheWrongLoginSentence() {
        robot.clickOn("#topic").write("alerts");
        chooseLogin("Access token");
        robot.clickOn("#token").write("tk_thisisnotavalidtokenatall00");
        robot.clickOn("#subscribe");

        String error = awaitError();
        assertEquals(
                "The server refused the login: the access token is wrong or expired. Check it and try again.", error);
        assertTrue(FxTests.onFx(() -> window.stage().isShowing()));
        assertEquals(List.of(), t.core.subscriptions().all());
    }

    @Test
    void aLoginWithoutPermissionShowsTheForbiddenSentence() {
        robot.clickOn("#topic").write("alerts");
        chooseLogin("Username and password");
        robot.clickOn("#username").write("eve");
        robot.clickOn("#password").write("evepw");
        robot.clickOn("#subscribe");

        assertEquals(
                "Logged in as eve, but eve may not read 'alerts' on " + host
                        + ". Ask the server's admin for read access, or use another login.",
                awaitError());
        assertEquals(List.of(), t.core.subscriptions().all());
    }

    @Test
    void theRightLoginClosesTheWindowAndOpensTheNewSubscription() {
        robot.clickOn("#topic").write("alerts");
        chooseLogin("Username and password");
        robot.clickOn("#username").write("phil");
        robot.clickOn("#password").write("s3cret");
        robot.clickOn("#subscribe");

        Await.until(
                "the window closes", () -> !FxTests.onFx(() -> window.stage().isShowing()));
        Subscription s =
                t.core.subscriptions().find(t.server.baseUrl(), "alerts").orElseThrow();
        assertEquals(List.of("messages " + s.id() + " 0"), windows.calls);
    }

    @Test
    void subscribeIsDisabledForAnInvalidTopicAndEscapeCloses() {
        robot.clickOn("#topic").write("no spaces");
        assertTrue(FxTests.onFx(() -> robot.lookup("#subscribe").query().isDisabled()));
        assertEquals(
                "' ' is not allowed: a topic uses only letters, digits, - and _.",
                FxTests.onFx(() -> ((Labeled) window.stage().getScene().lookup("#topicError")).getText()));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        Await.until(
                "Escape closes the window",
                () -> !FxTests.onFx(() -> window.stage().isShowing()));
        assertFalse(FxTests.onFx(() -> window.stage().isShowing()));
    }

    private void chooseLogin(String text) {
        robot.clickOn("#loginKind");
        Node cell = robot.lookup(n -> n instanceof ListCell<?> c && text.equals(c.getText()) && n.isVisible())
                .query();
        robot.clickOn(cell);
    }

    /** Waits for the window to show an error and returns its text. */
    private String awaitError() {
        Await.until(
                "an error shows",
                () -> FxTests.onFx(
                        () -> !window.viewModel().errorProperty().get().isEmpty()));
        return FxTests.onFx(() -> {
            Labeled error = (Labeled) window.stage().getScene().lookup("#error");
            assertTrue(error.isVisible());
            return error.getText();
        });
    }
}
