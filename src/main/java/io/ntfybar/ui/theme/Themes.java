package io.ntfybar.ui.theme;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;

/**
 * The light and dark stylesheets. Every window's scene gets {@code base.css} (the controls and the app's style
 * classes, written against looked-up colours) plus {@code light.css} or {@code dark.css} (the colour values). A
 * window's own stylesheets stay after them, so they can override. Use on the FX thread.
 */
public final class Themes {
    public static final String BASE = stylesheet("base.css");
    public static final String LIGHT = stylesheet("light.css");
    public static final String DARK = stylesheet("dark.css");

    private Themes() {}

    /** Applies {@code choice}, asking {@code system} when the choice is {@link Appearance#SYSTEM}. */
    public static void apply(Scene scene, Appearance choice, SystemTheme system) {
        apply(scene, choice == Appearance.SYSTEM ? system.isDark() : choice.isDark(false));
    }

    /** Replaces this package's stylesheets on {@code scene} with the dark or light set; others stay in place. */
    public static void apply(Scene scene, boolean dark) {
        List<String> sheets = scene.getStylesheets();
        List<String> wanted = stylesheets(dark);
        if (sheets.size() >= 2 && sheets.subList(0, 2).equals(wanted)) {
            return; // unchanged: re-setting would restyle every node for nothing
        }
        sheets.removeAll(List.of(BASE, LIGHT, DARK));
        sheets.addAll(0, wanted);
    }

    /** The stylesheet URLs for a theme, in the order they are added. */
    public static List<String> stylesheets(boolean dark) {
        return List.of(BASE, dark ? DARK : LIGHT);
    }

    private static String stylesheet(String name) {
        URL url = Themes.class.getResource(name);
        return Objects.requireNonNull(url, "stylesheet " + name + " is missing from the jar")
                .toExternalForm();
    }
}
