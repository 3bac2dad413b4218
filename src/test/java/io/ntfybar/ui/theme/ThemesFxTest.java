package io.ntfybar.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.Await;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stylesheets on a real (headless Monocle) JavaFX scene: rendered pixels, not just stylesheet lists. */
class ThemesFxTest {
    @BeforeAll
    static void startFx() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        started.get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    static Scene scene() {
        TextField field = new TextField("typed text");
        VBox box = new VBox(8, new Label("A label with body text"), field);
        box.setStyle("-fx-padding: 10;");
        return new Scene(box, 260, 120);
    }

    static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** Background luminance (the scene's lower right corner), text field inside, and the brightest label pixel. */
    static double[] render(Appearance choice) throws Exception {
        return onFx(() -> {
            Scene s = scene();
            Themes.apply(s, choice, SystemTheme.fixed(false));
            WritableImage img = s.snapshot(null);
            PixelReader px = img.getPixelReader();
            double background = luminance(px.getColor(250, 112));
            TextField field = (TextField) s.getRoot().lookup(".text-field");
            var b = field.localToScene(field.getBoundsInLocal());
            double fieldInside = luminance(px.getColor((int) b.getMaxX() - 8, (int) b.getMaxY() - 5));
            double brightestText = 0;
            double darkestText = 1;
            for (int x = 10; x < 150; x++) {
                for (int y = 10; y < 25; y++) {
                    double l = luminance(px.getColor(x, y));
                    brightestText = Math.max(brightestText, l);
                    darkestText = Math.min(darkestText, l);
                }
            }
            return new double[] {background, fieldInside, brightestText, darkestText};
        });
    }

    @Test
    void darkRendersDarkBackgroundsWithLightText() throws Exception {
        double[] r = render(Appearance.DARK);
        assertTrue(r[0] < 0.2, "dark window background, luminance " + r[0]);
        assertTrue(r[1] < 0.2, "dark text field, luminance " + r[1]);
        assertTrue(r[2] > 0.7, "the label's text is light, brightest pixel " + r[2]);
    }

    @Test
    void lightRendersLightBackgroundsWithDarkText() throws Exception {
        double[] r = render(Appearance.LIGHT);
        assertTrue(r[0] > 0.8, "light window background, luminance " + r[0]);
        assertTrue(r[1] > 0.8, "light text field, luminance " + r[1]);
        assertTrue(r[3] < 0.3, "the label's text is dark, darkest pixel " + r[3]);
    }

    @Test
    void systemChoiceFollowsTheSystemAndKeepsTheWindowsOwnSheetsAfterTheTheme() throws Exception {
        List<String> sheets = onFx(() -> {
            Scene s = scene();
            s.getStylesheets().add("data:text/css,.label{}");
            Themes.apply(s, Appearance.SYSTEM, SystemTheme.fixed(true));
            Themes.apply(s, Appearance.SYSTEM, SystemTheme.fixed(true));
            return List.copyOf(s.getStylesheets());
        });
        assertEquals(List.of(Themes.BASE, Themes.DARK, "data:text/css,.label{}"), sheets);
    }

    /** A system setting the test can switch, like a user flipping the desktop's switch. */
    static final class Switchable implements SystemTheme {
        final AtomicBoolean dark = new AtomicBoolean();
        final AtomicReference<Runnable> watcher = new AtomicReference<>();

        @Override
        public boolean isDark() {
            return dark.get();
        }

        @Override
        public void watch(Runnable onChange) {
            watcher.set(onChange);
        }

        @Override
        public String name() {
            return "test switch";
        }
    }

    @Test
    void managerRestylesTrackedScenesWhenTheSystemOrTheChoiceChanges() throws Exception {
        Switchable system = new Switchable();
        ThemeManager manager = new ThemeManager(system, Appearance.SYSTEM);
        Scene scene = onFx(() -> {
            Scene s = scene();
            manager.track(s);
            return s;
        });
        assertEquals(Themes.LIGHT, onFx(() -> scene.getStylesheets().get(1)));

        // The change arrives on a background thread, as from the poller or the D-Bus signal thread.
        system.dark.set(true);
        Thread t = new Thread(system.watcher.get());
        t.start();
        t.join();
        assertEquals(Themes.DARK, onFx(() -> scene.getStylesheets().get(1)));
        assertTrue(manager.currentIsDark());
        assertTrue(onFx(() -> manager.darkProperty().get()));

        manager.setAppearance(Appearance.LIGHT);
        assertEquals(Themes.LIGHT, onFx(() -> scene.getStylesheets().get(1)));
        assertFalse(manager.currentIsDark());
        assertEquals(Appearance.LIGHT, manager.appearance());
    }
}
