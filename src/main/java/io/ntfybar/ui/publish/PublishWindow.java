package io.ntfybar.ui.publish;

import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.Windows;
import io.ntfybar.ui.fx.FxStages;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The Publish window: send a message to any topic, with every ntfy option. Created once, shown again on each
 * {@link #show}; closing hides it. The form (and the last topic used) stays for the session.
 *
 * <p>Threading: construct and call on the FX thread.
 */
public final class PublishWindow {
    private final UiText text = UiText.of(PublishWindow.class);
    private final PublishViewModel vm;
    private Stage stage;

    public PublishWindow(AppCore core, Windows windows, UiThreads threads) {
        this.vm = new PublishViewModel(core, threads);
    }

    /** Shows the window with {@code topicUrl} in the topic field (null: keep the last topic) and brings it forward. */
    public void show(String topicUrl) {
        Stage s = stage();
        vm.open(topicUrl);
        s.show();
        s.toFront();
        s.requestFocus();
    }

    /** The window's stage, created on first use. */
    public Stage stage() {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle(text.get("window.title"));
            PublishView view = new PublishView(vm, () -> stage.hide(), () -> stage);
            Scene scene = new Scene(view.root(), 640, 660);
            scene.getStylesheets()
                    .add(PublishWindow.class.getResource("publish.css").toExternalForm());
            KeyCombination sendKeys = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
            // A filter, so that Ctrl+Enter sends even from the message area, which would take the Enter.
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (sendKeys.match(e)) {
                    e.consume();
                    vm.send();
                }
            });
            FxStages.closeOnEscape(stage, scene);
            FxStages.prepare(stage, scene);
            stage.setMinWidth(480);
            stage.setMinHeight(480);
        }
        return stage;
    }

    /** The form's state, for tests. */
    PublishViewModel viewModel() {
        return vm;
    }
}
