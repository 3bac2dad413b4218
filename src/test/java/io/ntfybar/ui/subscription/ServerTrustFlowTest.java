package io.ntfybar.ui.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.testserver.TestTls;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.RecordingWindows;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.Windows;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The Server trust dialog of the Subscription settings window driven like a user against a server that requires a
 * client certificate: the server's certificate is described after choosing it, a wrong password is refused with a
 * sentence, the right one is saved, the dialog closes and the server connects.
 */
@Tag("fx-flow")
class ServerTrustFlowTest {
    @TempDir
    Path home;

    TestTls.Mutual tls;
    TestCore t;
    SubscriptionSettingsWindow window;
    FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        FxTests.startToolkit();
        tls = TestTls.sharedMutual();
        t = TestCore.startMutualTls(home, tls.serverContext());
        Subscription sub = t.core.subscriptions()
                .add(Subscription.of(t.server.baseUrl(), "alerts").withInitialFetchDone(true));
        t.core.subscriptionsChanged();
        Windows none = new RecordingWindows();
        window = FxTests.onFx(() -> new SubscriptionSettingsWindow(t.core, none, UiThreads.standard()));
        FxTests.onFx(() -> window.show(sub.id()));
        Await.until("loaded", () -> !text("#trustSummary").isEmpty());
    }

    @AfterEach
    void close() {
        FxTests.onFx(() -> window.stage().hide());
        t.close();
    }

    @Test
    void chooseTheCertificatesTypeTheirPasswordAndTheServerConnects() {
        assertEquals("System CAs · no client certificate · no headers", text("#trustSummary"));
        robot.clickOn("#changeTrust");
        robot.clickOn("#caFile").write(tls.serverCaPem().toString()).type(KeyCode.ENTER);
        Await.until("the CA's description", () -> text("#caInfo").startsWith("ntfybar test server, SHA-256 "));
        robot.clickOn("#clientFile").write(tls.clientP12().toString());
        robot.clickOn("#clientPassword").write("wrong");
        robot.clickOn("#trustHeaders").write("X-Proxy-Key: k-1");
        robot.clickOn("#saveTrust");
        Await.until("the refusal", () -> !text("#trustError").isEmpty());
        assertTrue(text("#trustError").startsWith("Cannot use it: the password does not open"), text("#trustError"));

        robot.doubleClickOn("#clientPassword").eraseText(5).write(TestTls.CLIENT_PASSWORD);
        robot.clickOn("#saveTrust");
        Await.until("saved", () -> !text("#trustInfo").isEmpty());
        Await.until(
                "the dialog closes",
                () -> robot.lookup("#saveTrust").tryQuery().isEmpty()
                        || !FxTests.onFx(() -> robot.lookup("#saveTrust")
                                .query()
                                .getScene()
                                .getWindow()
                                .isShowing()));
        assertTrue(text("#trustSummary").contains("client certificate 127.0.0.1_"), text("#trustSummary"));
        assertEquals(
                Map.of("X-Proxy-Key", "k-1"),
                t.core.settings().server(t.server.baseUrl()).headers());
        Await.until("connected over mutual TLS", () -> t.core.connections().stream()
                .anyMatch(r -> r.state() instanceof ConnectionState.Connected));
    }

    /** The text of a label in the settings window or its Server trust dialog. */
    private String text(String id) {
        return FxTests.onFx(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }
}
