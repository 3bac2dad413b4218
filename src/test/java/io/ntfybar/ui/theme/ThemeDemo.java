package io.ntfybar.ui.theme;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Two windows, light and dark, with the controls and style classes the app's windows use; for the screenshot. */
public final class ThemeDemo {
    private ThemeDemo() {}

    // Not an Application subclass: the java launcher refuses those when JavaFX is on the class path, not the module
    // path.
    public static void main(String[] args) {
        Platform.startup(() -> {
            show(new Stage(), false, 0);
            show(new Stage(), true, 500);
        });
    }

    private static void show(Stage stage, boolean dark, double x) {
        Scene scene = new Scene(window(), 490, 460);
        Themes.apply(scene, dark);
        stage.setTitle(dark ? "ntfybar dark" : "ntfybar light");
        stage.setScene(scene);
        stage.setX(x + 5);
        stage.setY(20);
        stage.show();
        // Focus away from the text field, so both windows show its prompt text.
        scene.getRoot().lookup(".button").requestFocus();
    }

    private static BorderPane window() {
        ListView<String> topics = new ListView<>();
        topics.getItems().addAll("backups", "alerts", "deploys", "home");
        topics.getStyleClass().add("sidebar");
        topics.setPrefWidth(150);
        topics.setCellFactory(v -> new TopicCell());
        topics.getSelectionModel().select(1);

        Label title = new Label("Disk almost full");
        title.getStyleClass().add("message-title");
        Label max = new Label("!! urgent");
        max.getStyleClass().add("priority-max");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label time = new Label("12:04");
        time.getStyleClass().add("message-time");
        HBox head = new HBox(8, title, max, grow, time);
        head.setAlignment(Pos.BASELINE_LEFT);

        Label body = new Label("/dev/sda1 is 97% full on nas-01.");
        body.setWrapText(true);
        Label tags = new Label("warning, nas, storage");
        tags.getStyleClass().add("tags-line");
        Label code = new Label("df -h /srv");
        code.getStyleClass().add("code");
        Label high = new Label("priority high");
        high.getStyleClass().add("priority-high");
        Label error = new Label("Connection lost: retrying in 8 s");
        error.getStyleClass().add("error-text");
        Label ok = new Label("Connected to ntfy.sh");
        ok.getStyleClass().add("ok-text");
        Label muted = new Label("Last message 3 minutes ago");
        muted.getStyleClass().add("muted-text");

        TextField field = new TextField();
        field.setPromptText("Message to publish");
        Button send = new Button("Send");
        send.setDefaultButton(true);
        Button clear = new Button("Mark all read");
        send.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, field, send, clear);
        HBox.setHgrow(field, Priority.ALWAYS);

        Label empty = new Label("No more messages");
        empty.getStyleClass().add("empty-state");
        empty.setMaxWidth(Double.MAX_VALUE);

        VBox content = new VBox(8, head, body, tags, code, high, error, ok, muted, actions, empty);
        content.setPadding(new Insets(12));
        BorderPane root = new BorderPane(content);
        root.setLeft(topics);
        return root;
    }

    /** Topic name with an unread badge, as the sidebar will show it. */
    private static final class TopicCell extends ListCell<String> {
        @Override
        protected void updateItem(String topic, boolean empty) {
            super.updateItem(topic, empty);
            if (empty || topic == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(topic);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox row = new HBox(6, name, grow);
            int unread = topic.length() % 4 == 0 ? 0 : topic.length();
            if (unread > 0) {
                Label badge = new Label(Integer.toString(unread));
                badge.getStyleClass().add("unread-badge");
                row.getChildren().add(badge);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
