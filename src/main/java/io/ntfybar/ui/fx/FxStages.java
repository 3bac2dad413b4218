package io.ntfybar.ui.fx;

import io.ntfybar.ui.theme.ThemeManager;
import io.ntfybar.ui.theme.Themes;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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

    /**
     * Escape hides the window. A handler, not a filter, so that an open drop-down or a text field's own use of Escape
     * comes first.
     */
    public static void closeOnEscape(Stage stage, Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.hide();
            }
        });
    }

    /** A window whose messages and fields come and go grows and shrinks with them instead of clipping them. */
    public static void fitWhenChanged(Stage stage, Observable... changes) {
        for (Observable o : changes) {
            o.addListener(x -> Platform.runLater(stage::sizeToScene));
        }
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
