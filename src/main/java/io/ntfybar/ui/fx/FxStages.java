package io.ntfybar.ui.fx;

import io.ntfybar.ui.theme.ThemeManager;
import io.ntfybar.ui.theme.Themes;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * What every window of the app gets: the theme (light or dark, following the settings and the system, kept up to
 * date by the {@link ThemeManager}), Ctrl+W (Cmd+W on macOS) to close, and closing that hides instead of quitting.
 * Windows call {@link #prepare} once, when they create their stage, on the FX thread.
 */
public final class FxStages {
    private static volatile ThemeManager themes;

    private FxStages() {}

    /** The app's theme manager; until it is set (tests that build one window), windows get the light theme. */
    public static void useThemes(ThemeManager manager) {
        themes = manager;
    }

    public static void prepare(Stage stage, Scene scene) {
        stage.setScene(scene);
        ThemeManager t = themes;
        if (t != null) {
            t.track(scene);
        } else {
            Themes.apply(scene, false);
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::hide);
    }
}
