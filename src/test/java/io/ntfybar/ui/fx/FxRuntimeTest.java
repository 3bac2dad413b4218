package io.ntfybar.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.FxTests;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

@Tag("fx-flow")
class FxRuntimeTest {
    @Test
    void workQueuedFromAnotherThreadRunsInOrderOnTheFxThreadAndAWindowTakesRealClicks() {
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            FxRuntime.run(() -> order.add(n + (Platform.isFxApplicationThread() ? ":fx" : ":other")));
        }
        FxRuntime.run(() -> {
            Button b = new Button("Press me");
            b.setId("press");
            b.setOnAction(e -> order.add("pressed"));
            Stage s = new Stage();
            s.setTitle("ntfybar test window");
            FxStages.prepare(s, new Scene(b, 240, 120));
            s.show();
            stage.set(s);
        });
        Await.until("the window", () -> stage.get() != null && stage.get().isShowing());
        assertTrue(FxRuntime.isStarted());
        assertEquals(List.of("0:fx", "1:fx", "2:fx"), order);
        new FxRobot().clickOn("#press");
        Await.until("the click", () -> order.contains("pressed"));
        FxTests.onFx(() -> stage.get().hide());
        assertTrue(Platform.isImplicitExit() == false, "closing the last window must not end JavaFX");
    }
}
