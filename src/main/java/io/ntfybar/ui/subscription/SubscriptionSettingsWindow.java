package io.ntfybar.ui.subscription;

import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.CoreListener;
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
 * The settings of one subscription: name, icon, priority, mute, retention, the server's login, its current problem,
 * and unsubscribing. Created lazily and reused; closing it only hides it. All methods on the FX thread.
 */
public final class SubscriptionSettingsWindow {
    private static final UiText TEXT = UiText.of(SubscriptionSettingsWindow.class);

    private final AppCore core;
    private final UiThreads threads;
    private SubscriptionSettingsViewModel vm;
    private Stage stage;
    private long shownId;

    /** @param windows the other windows (unused for now: this window opens none) */
    public SubscriptionSettingsWindow(AppCore core, Windows windows, UiThreads threads) {
        this.core = core;
        this.threads = threads;
    }

    /** Shows the settings of this subscription and brings the window to the front. */
    public void show(long subscriptionId) {
        Stage s = stage();
        shownId = subscriptionId;
        vm.load(subscriptionId);
        s.show();
        s.toFront();
    }

    /** The window's stage, created on first use. */
    public Stage stage() {
        if (stage == null) {
            create();
        }
        return stage;
    }

    SubscriptionSettingsViewModel viewModel() {
        stage();
        return vm;
    }

    private void create() {
        vm = new SubscriptionSettingsViewModel(core, threads);
        SubscriptionSettingsView view = new SubscriptionSettingsView(vm);
        stage = new Stage();
        stage.setTitle(TEXT.get("window.title"));
        Scene scene = new Scene(view.root());
        FxStages.prepare(stage, scene);
        FxStages.closeOnEscape(stage, scene);
        view.close.setOnAction(e -> stage.hide());
        // Loaded text, messages and the login fields come and go: the window follows them instead of clipping.
        FxStages.fitWhenChanged(
                stage,
                vm.subscriptionProperty(),
                vm.problemProperty(),
                vm.errorProperty(),
                vm.infoProperty(),
                vm.iconErrorProperty(),
                vm.muteTextProperty(),
                vm.serverLogin().changingProperty(),
                vm.serverLogin().errorProperty(),
                vm.serverLogin().infoProperty(),
                vm.serverLogin().form().kindProperty(),
                vm.serverTrust().infoProperty(),
                vm.serverTrust().summaryProperty());
        trustDialog();
        view.unsubscribe.setOnAction(e -> confirmUnsubscribe());
        vm.removedProperty().addListener((o, a, gone) -> {
            if (gone) {
                stage.hide();
            }
        });
        stage.setOnHidden(e -> {
            vm.serverLogin().cancel();
            vm.serverTrust().cancel();
        });
        // A problem found or cleared while the window is open shows at once.
        CoreListener listener = new CoreListener() {
            @Override
            public void onTopicProblem(TopicProblem problem) {
                threads.fx().execute(() -> reloadProblem(problem.subscriptionId()));
            }

            @Override
            public void onConnection(ConnectionState.Report report) {
                if (report.state() instanceof ConnectionState.Connected) {
                    threads.fx().execute(() -> reloadProblem(shownId));
                }
            }
        };
        threads.io().execute(() -> core.addListener(listener));
    }

    /** The small window where the server's certificates and headers are changed; open while the ViewModel edits. */
    private void trustDialog() {
        ServerTrustViewModel trust = vm.serverTrust();
        Stage dialog = new Stage();
        dialog.initOwner(stage);
        dialog.setTitle(TEXT.get("trust.dialog.title"));
        Scene scene = new Scene(new ServerTrustPane(trust));
        FxStages.prepare(dialog, scene);
        FxStages.closeOnEscape(dialog, scene);
        FxStages.fitWhenChanged(dialog, trust.caInfoProperty(), trust.clientInfoProperty(), trust.errorProperty());
        trust.editingProperty().addListener((o, was, editing) -> {
            if (editing) {
                dialog.show();
                dialog.toFront();
            } else {
                dialog.hide();
            }
        });
        dialog.setOnHidden(e -> trust.cancel());
    }

    private void reloadProblem(long subscriptionId) {
        if (stage.isShowing() && subscriptionId == shownId) {
            vm.refreshProblem();
        }
    }

    private void confirmUnsubscribe() {
        ButtonType yes = new ButtonType(TEXT.get("unsubscribe.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(TEXT.get("unsubscribe.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                TEXT.get("unsubscribe.question", vm.titleProperty().get()),
                yes,
                no);
        alert.initOwner(stage);
        alert.setTitle(TEXT.get("unsubscribe.title"));
        alert.setHeaderText(TEXT.get("unsubscribe.title"));
        alert.getDialogPane().lookupButton(yes).setId("confirmUnsubscribe");
        alert.getDialogPane().lookupButton(no).setId("cancelUnsubscribe");
        if (alert.showAndWait().orElse(no) == yes) {
            vm.unsubscribe();
        }
    }
}
