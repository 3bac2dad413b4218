package io.ntfybar.ui;

import io.ntfybar.testsupport.Await;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * JavaFX for tests: starts the toolkit once per JVM (Monocle headless in the normal build, GTK on the Xvfb display
 * in the {@code fx-flow} run; the pom sets which) and runs code on its thread. Test code only: production code never
 * waits for the FX thread.
 */
public final class FxTests {
    private static boolean started;

    private FxTests() {}

    public static synchronized void startToolkit() {
        if (started) {
            return;
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        try {
            if (!up.await(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("JavaFX did not start in " + Await.DEFAULT_DEADLINE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        started = true;
    }

    /** Runs on the FX thread and waits for the result (at most {@link Await#DEFAULT_DEADLINE}). */
    public static <T> T onFx(Callable<T> work) {
        startToolkit();
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("on the FX thread: " + e.getMessage(), e);
        }
    }

    public static void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until every runnable queued on the FX thread so far has run. */
    public static void drainFx() {
        onFx(() -> {});
    }

    /**
     * Scrolls the scroll pane around the node {@code query} finds so that the node is in view, after any layout still
     * pending (on a real X server a window may still be growing when a test goes on), and waits for the FX thread.
     */
    public static void scrollIntoView(org.testfx.api.FxRobot robot, String query) {
        javafx.scene.Node node = robot.lookup(query).query();
        onFx(() -> {
            javafx.scene.Parent p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (!(p instanceof javafx.scene.control.ScrollPane sp) || sp.getContent() == null) {
                return;
            }
            sp.layout();
            javafx.geometry.Bounds b = sp.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double content = sp.getContent().getLayoutBounds().getHeight();
            double view = sp.getViewportBounds().getHeight();
            if (content > view) {
                double top = Math.max(0, Math.min(b.getMinY() - 16, content - view));
                sp.setVvalue(sp.getVmin() + top / (content - view) * (sp.getVmax() - sp.getVmin()));
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
