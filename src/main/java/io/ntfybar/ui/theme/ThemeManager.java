package io.ntfybar.ui.theme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every open window in the chosen theme: scenes register with {@link #track}, and are restyled when the user's
 * choice or the system's setting changes. Scenes are held weakly, so a closed window needs no unregistering.
 *
 * <p>The system setting is read off the FX thread (it may run a command) and cached; the scenes are touched only on
 * the FX thread. {@link #setAppearance} may be called from any thread; {@link #track} and the property on the FX
 * thread.
 */
public final class ThemeManager {
    private static final Logger log = LoggerFactory.getLogger(ThemeManager.class);

    private final SystemTheme system;
    private final Set<Scene> scenes = Collections.newSetFromMap(new WeakHashMap<>());
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private volatile Appearance appearance;
    private volatile boolean systemDark;

    /** Reads the system setting once (call off the FX thread if it matters) and starts watching it. */
    public ThemeManager(SystemTheme system, Appearance appearance) {
        this.system = system;
        this.appearance = appearance == null ? Appearance.SYSTEM : appearance;
        this.systemDark = system.isDark();
        dark.set(this.appearance.isDark(systemDark));
        log.info(
                "Theme: appearance {}, system setting read through {} says {}",
                this.appearance.key(),
                system.name(),
                systemDark ? "dark" : "light");
        system.watch(this::systemChanged);
    }

    /** Styles {@code scene} now and whenever the theme changes. FX thread. */
    public void track(Scene scene) {
        scenes.add(scene);
        Themes.apply(scene, dark.get());
    }

    /** The user picked another appearance (settings window, settings file reload). Any thread. */
    public void setAppearance(Appearance choice) {
        appearance = choice == null ? Appearance.SYSTEM : choice;
        onFxThread(this::reapply);
    }

    public Appearance appearance() {
        return appearance;
    }

    /** Whether the windows are dark right now (e.g. to pick a tray icon). Any thread. */
    public boolean currentIsDark() {
        return appearance.isDark(systemDark);
    }

    /** True while the dark theme is applied, for windows that swap images with the theme. FX thread. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    private void systemChanged() {
        boolean now = system.isDark();
        if (now == systemDark) {
            return;
        }
        systemDark = now;
        log.info("The system switched to {} mode", now ? "dark" : "light");
        onFxThread(this::reapply);
    }

    private void reapply() {
        boolean d = currentIsDark();
        dark.set(d);
        for (Scene s : new ArrayList<>(scenes)) {
            Themes.apply(s, d);
        }
    }

    private static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
            return;
        }
        try {
            Platform.runLater(r);
        } catch (IllegalStateException e) {
            log.warn("JavaFX is not running, so the windows could not be restyled: {}", e.getMessage());
        }
    }
}
