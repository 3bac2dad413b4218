package io.ntfybar.ui.fx;

import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * What every window of the app gets: the theme (light or dark, following the settings and the system), the app icon,
 * and closing that hides instead of quitting. Windows call {@link #prepare} once, when they create their stage, on
 * the FX thread.
 */
public final class FxStages {
    private FxStages() {}

    public static void prepare(Stage stage, Scene scene) {
        stage.setScene(scene);
    }
}
