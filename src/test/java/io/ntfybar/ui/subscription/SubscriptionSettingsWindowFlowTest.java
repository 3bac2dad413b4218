package io.ntfybar.ui.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.RecordingWindows;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.Windows;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The Subscription settings window driven like a user: mute from the menu, change the login, unsubscribe. */
@Tag("fx-flow")
class SubscriptionSettingsWindowFlowTest {
    @TempDir
    Path home;

    TestCore t;
    Subscription sub;
    SubscriptionSettingsWindow window;
    FxRobot robot = new FxRobot();

    @BeforeEach
    void open() {
        FxTests.startToolkit();
        t = TestCore.start(home);
        sub = t.core.subscriptions()
                .add(Subscription.of(t.server.baseUrl(), "alerts").withInitialFetchDone(true));
        Windows none = new RecordingWindows();
        window = FxTests.onFx(() -> new SubscriptionSettingsWindow(t.core, none, UiThreads.standard()));
        FxTests.onFx(() -> window.show(sub.id()));
        Await.until(
                "loaded",
                () -> FxTests.onFx(
                        () -> window.viewModel().subscriptionProperty().get() != null));
    }

    @AfterEach
    void close() {
        FxTests.onFx(() -> window.stage().hide());
        t.close();
    }

    Subscription stored() {
        return t.core.subscriptions().find(t.server.baseUrl(), "alerts").orElse(null);
    }

    @Test
    void muteFromTheMenuThenUnmute() {
        robot.clickOn("#mute");
        robot.clickOn("#mute-UNTIL_RESUMED");
        Await.until("muted until resumed", () -> stored().mutedUntil() == Subscription.MUTED_UNTIL_RESUMED);
        Await.until(
                "Unmute shows",
                () -> FxTests.onFx(
                        () -> window.stage().getScene().lookup("#unmute").isVisible()));
        robot.clickOn("#unmute");
        Await.until("unmuted", () -> stored().mutedUntil() == 0);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneSaved() {
        t.server.auth().enable("deny-all").addUser("phil", "s3cret", false).allow("phil", "alerts", true, false);
        robot.clickOn("#changeLogin");
        robot.clickOn("#loginKind");
        Node cell = robot.lookup(n -> n instanceof ListCell<?> c && "Username and password".equals(c.getText()))
                .query();
        robot.clickOn(cell);
        robot.clickOn("#username").write("phil");
        robot.clickOn("#password").write("nope");
        robot.clickOn("#saveLogin");
        Await.until("the refusal", () -> !text("#loginError").isEmpty());
        assertTrue(text("#loginError").startsWith("The server refused the login: the password for phil"));

        robot.doubleClickOn("#password").eraseText(4).write("s3cret");
        robot.clickOn("#saveLogin");
        Await.until("saved", () -> !text("#loginInfo").isEmpty());
        assertEquals("phil (password)", text("#loginText"));
        assertEquals("phil", t.core.settings().server(t.server.baseUrl()).username());
    }

    @Test
    void unsubscribeAsksThenRemovesAndCloses() {
        robot.clickOn("#unsubscribe");
        Await.until(
                "the question",
                () -> robot.lookup("#confirmUnsubscribe").tryQuery().isPresent());
        robot.clickOn("#confirmUnsubscribe");
        Await.until("removed", () -> stored() == null);
        Await.until(
                "the window closes", () -> !FxTests.onFx(() -> window.stage().isShowing()));
    }

    private String text(String id) {
        return FxTests.onFx(() -> ((Labeled) window.stage().getScene().lookup(id)).getText());
    }
}
