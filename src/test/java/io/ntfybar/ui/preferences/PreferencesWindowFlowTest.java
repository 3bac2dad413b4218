package io.ntfybar.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ntfybar.settings.SettingsFile;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Preferences window driven like a user: a sound switched from its drop-down lands in settings.yml at once. */
@Tag("fx-flow")
class PreferencesWindowFlowTest {
    @TempDir
    Path home;

    @Test
    void switchingASoundChangesTheSettingsFile() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            FxTests.startToolkit();
            PreferencesWindow w = FxTests.onFx(() -> new PreferencesWindow(t.core, null, UiThreads.standard()));
            FxTests.onFx(w::show);
            FxRobot robot = new FxRobot();
            Path file = t.core.paths().config().resolve(SettingsFile.NAME);
            assertNull(new SettingsFile(t.core.paths().config())
                    .load()
                    .notifications()
                    .soundFor(1));

            robot.clickOn("#sound1");
            WaitForAsyncUtils.waitForFxEvents();
            Node item = robot.lookup(n -> n instanceof Label l
                            && "Default sound".equals(l.getText())
                            && n.getScene().getWindow() instanceof ContextMenu)
                    .query();
            robot.clickOn(item);

            Await.until(
                    "priority 1 sound saved",
                    () -> Files.exists(file)
                            && "default"
                                    .equals(new SettingsFile(t.core.paths().config())
                                            .load()
                                            .notifications()
                                            .soundFor(1)));
            assertEquals("default", t.core.settings().notifications().soundFor(1));

            javafx.scene.control.Spinner<?> days =
                    robot.lookup("#keepDays").queryAs(javafx.scene.control.Spinner.class);
            FxTests.onFx(() -> days.getEditor().requestFocus());
            FxTests.onFx(() -> days.getEditor().selectAll());
            robot.write("7").type(KeyCode.TAB);
            Await.until(
                    "7 days typed and left saved",
                    () -> new SettingsFile(t.core.paths().config())
                                    .load()
                                    .retention()
                                    .keepDays()
                            == 7);

            Stage stage = FxTests.onFx(w::stage);
            robot.clickOn("#sound1").type(KeyCode.ESCAPE);
            robot.type(KeyCode.ESCAPE);
            Await.until("Escape hides the window", () -> !FxTests.onFx(stage::isShowing));
        }
    }
}
