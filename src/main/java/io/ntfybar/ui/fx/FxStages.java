package io.ntfybar.ui.fx;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * What every window of the app gets: the theme (light or dark, following the settings and the system), Ctrl+W (Cmd+W
 * on macOS) to close, and closing that hides instead of quitting. Windows call {@link #prepare} once, when they create
 * their stage, on the FX thread.
 */
public final class FxStages {
    private FxStages() {}

    public static void prepare(Stage stage, Scene scene) {
        stage.setScene(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::hide);
    }
}
