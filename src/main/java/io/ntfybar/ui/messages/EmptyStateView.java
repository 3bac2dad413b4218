package io.ntfybar.ui.messages;

import io.ntfybar.ui.UiText;
import io.ntfybar.ui.Windows;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** What the message area shows when it lists nothing, with the one button that helps. FX thread. */
final class EmptyStateView extends VBox {
    private static final UiText TEXT = UiText.of(EmptyStateView.class);

    EmptyStateView(MessagesViewModel vm, Windows windows) {
        super(10);
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setMaxWidth(460);
        Label title = new Label();
        title.getStyleClass().add("empty-state-title");
        title.setWrapText(true);
        Label detail = new Label();
        detail.getStyleClass().add("muted-text");
        detail.setWrapText(true);
        title.setTextAlignment(TextAlignment.CENTER);
        detail.setTextAlignment(TextAlignment.CENTER);
        Button action = new Button();
        action.setOnAction(e -> {
            EmptyState s = vm.emptyStateProperty().get();
            if (s.kind() == EmptyState.Kind.NO_SUBSCRIPTIONS) {
                windows.showSubscribe();
            } else if (s.kind() == EmptyState.Kind.PROBLEM) {
                windows.showSubscriptionSettings(vm.selectedProperty().get());
            }
        });
        getChildren().addAll(title, detail, action);
        Runnable show = () -> {
            EmptyState s = vm.emptyStateProperty().get();
            title.setText(s.title());
            detail.setText(s.detail());
            detail.setVisible(!s.detail().isEmpty());
            boolean button = s.kind() == EmptyState.Kind.NO_SUBSCRIPTIONS || s.kind() == EmptyState.Kind.PROBLEM;
            action.setVisible(button);
            action.setManaged(button);
            action.setText(
                    s.kind() == EmptyState.Kind.PROBLEM
                            ? TEXT.get("empty.problem.button")
                            : TEXT.get("empty.noSubscriptions.button"));
            action.setId(s.kind() == EmptyState.Kind.PROBLEM ? "empty-settings" : "empty-subscribe");
            action.setAccessibleText(action.getText());
            setAccessibleText(s.title() + ". " + s.detail());
        };
        vm.emptyStateProperty().addListener((o, was, now) -> show.run());
        show.run();
    }
}
