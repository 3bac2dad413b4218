package io.ntfybar.ui.subscribe;

import io.ntfybar.ui.UiText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Subscribe window's nodes, bound to a {@link SubscribeViewModel}. Ids: {@code server}, {@code topic},
 * {@code generateTopic}, {@code displayName}, {@code minPriority}, {@code loginKind}, {@code username},
 * {@code password}, {@code token}, {@code sendTest}, {@code subscribe}, {@code cancel}, {@code openExisting},
 * {@code error}, {@code info}, {@code progress}, {@code serverError}, {@code topicError}. FX thread only.
 */
final class SubscribeView {
    private static final UiText TEXT = UiText.of(SubscribeView.class);

    final Button subscribe = new Button(TEXT.get("subscribe.button"));
    final Button cancel = new Button(TEXT.get("cancel.button"));
    final Button openExisting = new Button(TEXT.get("subscribe.openExisting"));
    final TextField topicField = new TextField();
    private final VBox root = new VBox(10);

    SubscribeView(SubscribeViewModel vm) {
        root.setPadding(new Insets(16));
        root.setPrefWidth(460);

        Label heading = new Label(TEXT.get("heading"));
        heading.getStyleClass().add("message-title");
        Label intro = wrapped(TEXT.get("intro"), "muted-text");

        ComboBox<String> server = new ComboBox<>(vm.knownServers());
        server.setId("server");
        server.setEditable(true);
        server.setMaxWidth(Double.MAX_VALUE);
        server.setPromptText(TEXT.get("server.prompt"));
        server.setAccessibleText(TEXT.get("server.accessible"));
        server.getEditor().textProperty().bindBidirectional(vm.serverProperty());
        Label serverError = errorLabel(vm.serverErrorProperty());
        serverError.setId("serverError");

        topicField.setId("topic");
        topicField.setPromptText(TEXT.get("topic.prompt"));
        topicField.setAccessibleText(TEXT.get("topic.accessible"));
        topicField.textProperty().bindBidirectional(vm.topicProperty());
        Button generate = new Button(TEXT.get("topic.generate"));
        generate.setId("generateTopic");
        generate.setAccessibleText(TEXT.get("topic.generate.accessible"));
        generate.setOnAction(e -> {
            vm.generateTopic();
            topicField.requestFocus();
        });
        HBox topicRow = new HBox(6, topicField, generate);
        HBox.setHgrow(topicField, Priority.ALWAYS);
        Label topicError = errorLabel(vm.topicErrorProperty());
        topicError.setId("topicError");

        TextField displayName = new TextField();
        displayName.setId("displayName");
        displayName.setPromptText(TEXT.get("displayName.prompt"));
        displayName.setAccessibleText(TEXT.get("displayName.accessible"));
        displayName.textProperty().bindBidirectional(vm.displayNameProperty());

        ComboBox<Integer> priority = new ComboBox<>();
        priority.getItems().setAll(0, 1, 2, 3, 4, 5);
        priority.setId("minPriority");
        priority.setAccessibleText(TEXT.get("priority.accessible"));
        priority.setCellFactory(l -> new PriorityCell());
        priority.setButtonCell(new PriorityCell());
        priority.setValue(vm.minPriorityProperty().get());
        priority.valueProperty()
                .addListener((o, a, b) -> vm.minPriorityProperty().set(b == null ? 0 : b));
        vm.minPriorityProperty().addListener((o, a, b) -> priority.setValue(b.intValue()));

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, label("server.label", server), server);
        form.add(serverError, 1, row++);
        form.addRow(row++, label("topic.label", topicField), topicRow);
        form.add(topicError, 1, row++);
        form.addRow(row++, label("displayName.label", displayName), displayName);
        form.addRow(row++, label("priority.label", priority), priority);
        Label loginLabel = label("login.label");
        GridPane.setValignment(loginLabel, javafx.geometry.VPos.TOP);
        form.addRow(row, loginLabel, new LoginPane(vm.login()));
        GridPane.setHgrow(server, Priority.ALWAYS);
        GridPane.setHgrow(topicRow, Priority.ALWAYS);

        Label error = wrapped("", "error-text");
        error.setId("error");
        error.textProperty().bind(vm.errorProperty());
        hideWhenEmpty(error);
        Label info = wrapped("", "ok-text");
        info.setId("info");
        info.textProperty().bind(vm.infoProperty());
        hideWhenEmpty(info);
        openExisting.setId("openExisting");
        openExisting.setAccessibleText(TEXT.get("subscribe.openExisting"));
        openExisting.visibleProperty().bind(vm.existingIdProperty().greaterThan(0));
        openExisting.managedProperty().bind(openExisting.visibleProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("progress");
        progress.setPrefSize(18, 18);
        progress.setAccessibleText(TEXT.get("checking"));
        Label checking = new Label(TEXT.get("checking"));
        checking.getStyleClass().add("muted-text");
        HBox busy = new HBox(6, progress, checking);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(vm.busyProperty());

        Button sendTest = new Button(TEXT.get("test.button"));
        sendTest.setId("sendTest");
        sendTest.setAccessibleText(TEXT.get("test.accessible"));
        sendTest.disableProperty().bind(vm.canSubmitProperty().not());
        sendTest.setOnAction(e -> vm.sendTest());
        subscribe.setId("subscribe");
        subscribe.setAccessibleText(TEXT.get("subscribe.accessible"));
        subscribe.setDefaultButton(true);
        subscribe.disableProperty().bind(vm.canSubmitProperty().not());
        subscribe.setOnAction(e -> vm.subscribe());
        cancel.setId("cancel");
        cancel.setAccessibleText(TEXT.get("cancel.button"));
        cancel.setCancelButton(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, sendTest, gap, cancel, subscribe);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(heading, intro, form, busy, error, openExisting, info, buttons);
    }

    Parent root() {
        return root;
    }

    private static Label label(String key) {
        return label(key, null);
    }

    private static Label label(String key, javafx.scene.Node target) {
        return io.ntfybar.ui.fx.Controls.fieldLabel(TEXT.get(key), target);
    }

    private static Label wrapped(String text, String styleClass) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Label errorLabel(javafx.beans.value.ObservableStringValue text) {
        Label l = wrapped("", "error-text");
        l.textProperty().bind(text);
        hideWhenEmpty(l);
        return l;
    }

    private static void hideWhenEmpty(Label l) {
        l.visibleProperty().bind(Bindings.isNotEmpty(l.textProperty()));
        l.managedProperty().bind(l.visibleProperty());
    }

    static final class PriorityCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(
                    empty || item == null
                            ? null
                            : item == 0 ? TEXT.get("priority.global") : TEXT.get("priority." + item));
        }
    }
}
