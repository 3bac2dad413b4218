package io.ntfybar.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Backup section of the Preferences window driven like a user: the password box shows its warning, Export writes
 * the file and shows what it wrote, Import brings in a client.yml and shows the report.
 */
@Tag("fx-flow")
class PreferencesBackupFlowTest {
    @TempDir
    Path dir;

    private static String shown(TextArea report) {
        return FxTests.onFx((java.util.concurrent.Callable<String>) report::getText);
    }

    @Test
    void exportWithTheWarningThenImportAndReadTheReport() throws Exception {
        Path export = dir.resolve("ntfybar-backup.json");
        Path yml = Files.writeString(
                dir.resolve("client.yml"), "subscribe:\n  - topic: ntfy.example.com/alerts\n  - topic: bad/topic\n");
        try (TestCore t = TestCore.start(dir.resolve("home"))) {
            FxTests.startToolkit();
            PreferencesWindow w = FxTests.onFx(() -> new PreferencesWindow(t.core, null, UiThreads.standard()));
            w.useFiles(new BackupFiles() {
                @Override
                public Path chooseImport(Window owner) {
                    return yml;
                }

                @Override
                public Path chooseExport(Window owner, String suggestedName) {
                    assertTrue(suggestedName.matches("ntfybar-backup-\\d{4}-\\d\\d-\\d\\d\\.json"), suggestedName);
                    return export;
                }
            });
            FxTests.onFx(w::show);
            try {
                FxRobot robot = new FxRobot();

                Label warning = robot.lookup("#passwordWarning").queryAs(Label.class);
                assertFalse(FxTests.onFx(warning::isVisible));
                FxTests.scrollIntoView(robot, "#includePasswords");
                robot.clickOn("#includePasswords");
                WaitForAsyncUtils.waitForFxEvents();
                assertTrue(FxTests.onFx(warning::isVisible));
                assertTrue(FxTests.onFx(warning::getText).contains("clear text"));
                FxTests.scrollIntoView(robot, "#includePasswords");
                robot.clickOn("#includePasswords");
                WaitForAsyncUtils.waitForFxEvents();
                assertFalse(FxTests.onFx(warning::isVisible));

                TextArea report = robot.lookup("#backupReport").queryAs(TextArea.class);
                FxTests.scrollIntoView(robot, "#exportBackup");
                robot.clickOn("#exportBackup");
                Await.until("the export's report", () -> shown(report).startsWith("Exported 0 subscriptions"));
                assertTrue(Files.readString(export).contains("\"magic\" : \"ntfy2586\""));

                FxTests.scrollIntoView(robot, "#importBackup");
                robot.clickOn("#importBackup");
                Await.until("the import's report", () -> shown(report)
                        .startsWith("Imported from ntfy's client.yml: 1 subscription"));
                String text = shown(report);
                assertTrue(text.contains("subscribe entry 2 (bad/topic): \"bad/topic\" is not a topic"), text);
                assertTrue(FxTests.onFx(report::isVisible));
                assertEquals(1, t.core.subscriptions().all().size());
            } finally {
                FxTests.onFx(() -> w.stage().hide());
            }
        }
    }
}
