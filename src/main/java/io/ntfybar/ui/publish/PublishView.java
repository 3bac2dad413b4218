package io.ntfybar.ui.publish;

import static io.ntfybar.ui.fx.Controls.name;

import io.ntfybar.model.Priority;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.emoji.EmojiText;
import io.ntfybar.ui.fx.Controls;
import java.io.File;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The Publish form's nodes, bound to a {@link PublishViewModel}. Build and use on the FX thread. */
final class PublishView {
    private final PublishViewModel vm;
    private final UiText text = UiText.of(PublishWindow.class);
    private final BorderPane root = new BorderPane();
    private final GridPane grid = new GridPane();
    private final Button send = new Button();
    private final Button close = new Button();
    private int row;

    PublishView(PublishViewModel vm, Runnable onClose, Supplier<Window> owner) {
        this.vm = vm;
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(16, 16, 8, 16));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        ComboBox<String> topic = new ComboBox<>(vm.topicChoices());
        topic.setEditable(true);
        topic.setMaxWidth(Double.MAX_VALUE);
        topic.getEditor().textProperty().bindBidirectional(vm.topic);
        topic.setPromptText(text.get("topic.prompt"));
        Label topicHelp = new Label();
        topicHelp.textProperty().bind(vm.topicHelpProperty());
        topicHelp.getStyleClass().add("muted-text");
        topicHelp.setWrapText(true);
        add("topic", new VBox(2, topic, topicHelp), topic, vm.topicErrorProperty());

        add("title", field(vm.title, "title.prompt"), null);

        TextArea message = new TextArea();
        message.textProperty().bindBidirectional(vm.message);
        message.setPromptText(text.get("message.prompt"));
        message.setPrefRowCount(4);
        message.setWrapText(true);
        CheckBox markdown = new CheckBox(text.get("markdown.label"));
        markdown.selectedProperty().bindBidirectional(vm.markdown);
        name(markdown, "markdown", text.get("markdown.label"));
        add("message", new VBox(4, message, markdown), message, null);

        ComboBox<Priority> priority = new ComboBox<>();
        priority.getItems().setAll(Priority.values());
        priority.valueProperty().bindBidirectional(vm.priority);
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(Priority p) {
                return p == null ? "" : text.get("priority." + p.level());
            }

            @Override
            public Priority fromString(String s) {
                return null;
            }
        });
        add("priority", priority, null);

        TextField tags = field(vm.tags, "tags.prompt");
        FlowPane suggestions = new FlowPane(6, 4);
        name(suggestions, "tagSuggestions", text.get("tags.suggestions"));
        vm.tagSuggestions().addListener((ListChangeListener<TagSuggestions.Suggestion>) c -> {
            suggestions.getChildren().clear();
            for (TagSuggestions.Suggestion s : vm.tagSuggestions()) {
                suggestions.getChildren().add(chip(s, tags));
            }
        });
        // Keyboard: Down from the tags field goes to the suggestions, Left/Right move, Enter/Space take one.
        tags.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !suggestions.getChildren().isEmpty()) {
                e.consume();
                suggestions.getChildren().get(0).requestFocus();
            }
        });
        suggestions.managedProperty().bind(Bindings.isNotEmpty(vm.tagSuggestions()));
        suggestions.visibleProperty().bind(suggestions.managedProperty());
        add("tags", new VBox(4, tags, suggestions), tags, null);

        add("click", field(vm.click, "click.prompt"), vm.clickErrorProperty());
        add("actions", field(vm.actions, "actions.prompt"), vm.actionsErrorProperty());
        add("attach", attachment(owner), vm.attachUrlErrorProperty());
        add("delay", field(vm.delay, "delay.prompt"), vm.delayErrorProperty());
        add("email", field(vm.email, "email.prompt"), vm.emailErrorProperty());
        keepFocusAcrossSending(message); // before the disabling below, to see where the focus was
        grid.disableProperty().bind(vm.stateProperty().isEqualTo(PublishViewModel.State.SENDING));

        // Scrolls rather than squeezing rows when suggestions or errors make the form taller than the window.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        root.setCenter(scroll);
        root.setBottom(footer(onClose));
    }

    /**
     * The form is disabled while sending, which takes the focus away; give it back: to the message for the next one
     * after a success, to where it was after a failure.
     */
    private void keepFocusAcrossSending(Node next) {
        Node[] before = new Node[1];
        vm.stateProperty().addListener((o, was, now) -> {
            if (now == PublishViewModel.State.SENDING && root.getScene() != null) {
                before[0] = root.getScene().getFocusOwner();
            } else if (was == PublishViewModel.State.SENDING) {
                Node target = now == PublishViewModel.State.SENT || before[0] == null ? next : before[0];
                target.requestFocus();
                before[0] = null;
            }
        });
    }

    private Node chip(TagSuggestions.Suggestion s, TextField tags) {
        Button b = new Button(s.alias());
        b.setGraphic(EmojiText.label(s.emoji()));
        b.getStyleClass().add("tag-suggestion");
        b.setFocusTraversable(false);
        name(b, "tag-" + s.alias(), s.emoji() + " " + s.alias());
        b.setOnAction(e -> {
            vm.acceptSuggestion(s);
            tags.requestFocus();
            tags.end();
        });
        b.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            var chips = ((FlowPane) b.getParent()).getChildren();
            int i = chips.indexOf(b);
            switch (e.getCode()) {
                case ENTER, SPACE -> b.fire();
                case RIGHT, DOWN -> chips.get(Math.min(i + 1, chips.size() - 1)).requestFocus();
                case LEFT -> chips.get(Math.max(i - 1, 0)).requestFocus();
                case UP, ESCAPE -> tags.requestFocus();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        return b;
    }

    private Node attachment(Supplier<Window> owner) {
        Button choose = new Button(text.get("attach.choose"));
        name(choose, "attachFile", text.get("attach.choose"));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.get("attach.chooser.title"));
            File f = chooser.showOpenDialog(owner.get());
            if (f != null) {
                vm.attach(f.toPath());
            }
        });
        Label info = new Label();
        info.textProperty().bind(vm.fileInfoProperty());
        name(info, "fileInfo", text.get("attach.label"));
        Button remove = new Button(text.get("attach.remove"));
        name(remove, "removeFile", text.get("attach.remove"));
        remove.setOnAction(e -> vm.attach(null));
        remove.visibleProperty().bind(vm.fileProperty().isNotNull());
        remove.managedProperty().bind(remove.visibleProperty());
        HBox line = new HBox(8, choose, info, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        TextField url = field(vm.attachUrl, "attach.url.prompt");
        name(url, "attachUrl", text.get("attach.url.prompt"));
        url.disableProperty().bind(vm.fileProperty().isNotNull());
        VBox box = new VBox(4, line, url);
        box.setId("attach");
        return box;
    }

    private Node footer(Runnable onClose) {
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("ok-text");
        status.setWrapText(true);
        name(status, "status", null);
        Label error = errorLabel(vm.errorProperty());
        name(error, "error", null);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.stateProperty().isEqualTo(PublishViewModel.State.SENDING));
        progress.managedProperty().bind(progress.visibleProperty());
        name(progress, "progress", text.get("status.sending"));
        VBox messages = new VBox(2, status, error);
        messages.managedProperty()
                .bind(Bindings.isNotEmpty(vm.statusProperty()).or(Bindings.isNotEmpty(vm.errorProperty())));
        messages.visibleProperty().bind(messages.managedProperty());

        send.setText(text.get("send"));
        send.setDefaultButton(true);
        send.setTooltip(new Tooltip(text.get("send.tooltip")));
        send.disableProperty().bind(vm.canSendProperty().not());
        send.setOnAction(e -> vm.send());
        name(send, "send", text.get("send"));
        close.setText(text.get("close"));
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        name(close, "close", text.get("close"));
        send.setMinWidth(Region.USE_PREF_SIZE);
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(10, progress, close, send);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bar = new VBox(8, messages, buttons);
        bar.setPadding(new Insets(8, 16, 16, 16));
        return bar;
    }

    private TextField field(javafx.beans.property.StringProperty p, String promptKey) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(p);
        f.setPromptText(text.get(promptKey));
        return f;
    }

    private void add(String key, Node control, ObservableStringValue errorText) {
        add(key, control, control, errorText);
    }

    /** One labelled row; {@code named} is the control that gets the id {@code key} and the accessible name. */
    private void add(String key, Node shown, Node named, ObservableStringValue errorText) {
        Label label = new Label(text.get(key + ".label"));
        label.setLabelFor(named);
        if (named.getId() == null) {
            name(named, key, text.get(key + ".label"));
        }
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new Insets(4, 0, 0, 0));
        grid.add(label, 0, row);
        if (errorText == null) {
            grid.add(shown, 1, row++);
            return;
        }
        Label error = errorLabel(errorText);
        name(error, key + "Error", null);
        grid.add(new VBox(2, shown, error), 1, row++);
    }

    private static Label errorLabel(ObservableStringValue value) {
        return Controls.messageLine(value, "error-text");
    }

    Parent root() {
        return root;
    }

    Button sendButton() {
        return send;
    }
}
