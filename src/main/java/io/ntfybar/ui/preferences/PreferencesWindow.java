package io.ntfybar.ui.preferences;

import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.Windows;
import io.ntfybar.ui.fx.FxStages;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Preferences window: every app setting, applied and saved as soon as it changes (like macOS preferences; no OK
 * or Cancel). Created once, shown again on each {@link #show}; closing hides it.
 *
 * <p>Threading: construct and call on the FX thread.
 */
public final class PreferencesWindow {
    private final UiText text = UiText.of(PreferencesWindow.class);
    private final PreferencesViewModel vm;
    private Stage stage;
    private BackupFiles files = BackupFiles.dialogs();

    public PreferencesWindow(AppCore core, Windows windows, UiThreads threads) {
        this.vm = new PreferencesViewModel(core, threads);
    }

    /** Shows the window with the settings in effect and brings it forward. */
    public void show() {
        Stage s = stage();
        vm.load();
        s.show();
        s.toFront();
        s.requestFocus();
    }

    /** The window's stage, created on first use. */
    public Stage stage() {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle(text.get("window.title"));
            PreferencesView view = new PreferencesView(vm, () -> files, () -> stage.hide());
            Scene scene = new Scene(view.root(), 620, 760);
            scene.getStylesheets()
                    .add(PreferencesWindow.class.getResource("preferences.css").toExternalForm());
            FxStages.closeOnEscape(stage, scene);
            FxStages.prepare(stage, scene);
            stage.setMinWidth(520);
            stage.setMinHeight(420);
        }
        return stage;
    }

    /** Tests: where the Backup section's Import and Export take their files from, instead of the dialogs. */
    void useFiles(BackupFiles f) {
        this.files = f;
    }

    PreferencesViewModel viewModel() {
        return vm;
    }
}
