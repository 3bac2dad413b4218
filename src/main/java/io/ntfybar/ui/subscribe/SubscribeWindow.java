package io.ntfybar.ui.subscribe;

import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.Windows;
import io.ntfybar.ui.fx.FxStages;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * The Subscribe window: a small dialog to add a topic on any server, with a login checked against the server before
 * anything is saved. Created lazily and reused; closing it only hides it. All methods on the FX thread.
 */
public final class SubscribeWindow {
    private static final UiText TEXT = UiText.of(SubscribeWindow.class);

    private final AppCore core;
    private final Windows windows;
    private final UiThreads threads;
    private SubscribeViewModel vm;
    private SubscribeView view;
    private Stage stage;

    public SubscribeWindow(AppCore core, Windows windows, UiThreads threads) {
        this.core = core;
        this.windows = windows;
        this.threads = threads;
    }

    /** Shows the window with a fresh form (the default server filled in) and brings it to the front. */
    public void show() {
        Stage s = stage();
        vm.open();
        s.show();
        s.toFront();
        view.topicField.requestFocus();
    }

    /** The window's stage, created on first use. */
    public Stage stage() {
        if (stage == null) {
            create();
        }
        return stage;
    }

    SubscribeViewModel viewModel() {
        stage();
        return vm;
    }

    private void create() {
        vm = new SubscribeViewModel(core, threads);
        view = new SubscribeView(vm);
        stage = new Stage();
        stage.setTitle(TEXT.get("window.title"));
        Scene scene = new Scene(view.root());
        FxStages.prepare(stage, scene);
        stage.setResizable(true);
        FxStages.closeOnEscape(stage, scene);
        view.cancel.setOnAction(e -> stage.hide());
        // Messages and login fields come and go: the dialog grows and shrinks with them instead of clipping.
        FxStages.fitWhenChanged(
                stage,
                vm.errorProperty(),
                vm.infoProperty(),
                vm.existingIdProperty(),
                vm.busyProperty(),
                vm.topicErrorProperty(),
                vm.serverErrorProperty(),
                vm.login().kindProperty());
        stage.setOnHidden(e -> vm.login().clearSecrets());
        view.openExisting.setOnAction(e -> {
            long id = vm.existingIdProperty().get();
            stage.hide();
            windows.showMessages(id, 0);
        });
        vm.subscribedIdProperty().addListener((o, a, id) -> {
            if (id.longValue() > 0) {
                stage.hide();
                windows.showMessages(id.longValue(), 0);
            }
        });
        vm.confirmationProperty().addListener((o, a, question) -> {
            if (question != null) {
                confirmReplace(question);
            }
        });
    }

    private void confirmReplace(String question) {
        ButtonType replace = new ButtonType(TEXT.get("replace.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(TEXT.get("replace.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, replace, keep);
        alert.initOwner(stage);
        alert.setTitle(TEXT.get("replace.title"));
        alert.setHeaderText(TEXT.get("replace.title"));
        // Shown later so that the property's change event finishes before the nested event loop starts.
        javafx.application.Platform.runLater(() -> {
            if (alert.showAndWait().orElse(keep) == replace) {
                vm.confirmReplace();
            } else {
                vm.cancelReplace();
            }
        });
    }
}
