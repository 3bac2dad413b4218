package io.ntfybar.ui.subscription;

import static io.ntfybar.ui.subscription.SubscriptionControls.button;
import static io.ntfybar.ui.subscription.SubscriptionControls.field;
import static io.ntfybar.ui.subscription.SubscriptionControls.label;

import io.ntfybar.ui.UiText;
import io.ntfybar.ui.fx.Controls;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The "Server trust" nodes, bound to a {@link ServerTrustViewModel}: {@link #summary} for the Subscription settings
 * window (ids {@code trustSummary}, {@code changeTrust}, {@code trustInfo}), and the pane itself for the small dialog
 * where they are changed (ids {@code caFile}, {@code chooseCa}, {@code caInfo}, {@code clientFile},
 * {@code chooseClient}, {@code clientPassword}, {@code clientInfo}, {@code trustHeaders}, {@code saveTrust},
 * {@code cancelTrust}, {@code trustError}). FX thread only.
 */
final class ServerTrustPane extends VBox {
    private static final UiText TEXT = UiText.of(ServerTrustPane.class);

    /** What the server uses now, the button that opens the dialog, and what the last save did. */
    static VBox summary(ServerTrustViewModel vm) {
        Label summary = new Label();
        summary.setId("trustSummary");
        summary.textProperty().bind(vm.summaryProperty());
        Button change = button("changeTrust", "trust.change", "trust.change.accessible");
        change.setOnAction(e -> vm.start());
        change.disableProperty().bind(vm.editingProperty());
        change.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the summary gives way, never the button
        javafx.scene.control.Tooltip full = new javafx.scene.control.Tooltip();
        full.textProperty().bind(vm.summaryProperty());
        summary.setTooltip(full);
        // The summary on its own line: it is longer than the login's, and the button must not squeeze it.
        return new VBox(6, summary, change, Controls.messageLine("trustInfo", vm.infoProperty(), "ok-text"));
    }

    ServerTrustPane(ServerTrustViewModel vm) {
        super(10);
        setPadding(new javafx.geometry.Insets(16));
        setPrefWidth(560);

        TextField ca = field("caFile", "trust.ca.prompt", "trust.ca.accessible");
        ca.textProperty().bindBidirectional(vm.caFileProperty());
        ca.setOnAction(e -> vm.readCa());
        ca.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.readCa();
            }
        });
        Button chooseCa = button("chooseCa", "trust.ca.choose", "trust.ca.chooseTitle");
        chooseCa.setOnAction(e -> choose(ca, "trust.ca.chooseTitle", "*.pem", "*.crt", "*.cer")
                .ifPresent(p -> {
                    vm.caFileProperty().set(p.toString());
                    vm.readCa();
                }));
        TextField client = field("clientFile", "trust.client.prompt", "trust.client.accessible");
        client.textProperty().bindBidirectional(vm.clientFileProperty());
        Button chooseClient = button("chooseClient", "trust.client.choose", "trust.client.chooseTitle");
        chooseClient.setOnAction(e -> choose(client, "trust.client.chooseTitle", "*.p12", "*.pfx")
                .ifPresent(p -> vm.clientFileProperty().set(p.toString())));
        PasswordField password = new PasswordField();
        password.setId("clientPassword");
        password.setPromptText(TEXT.get("trust.client.password"));
        password.setAccessibleText(TEXT.get("trust.client.password"));
        password.textProperty().bindBidirectional(vm.clientPasswordProperty());
        TextArea headers = new TextArea();
        headers.setId("trustHeaders");
        headers.setPrefRowCount(2);
        headers.setPromptText(TEXT.get("trust.headers.prompt"));
        headers.setAccessibleText(TEXT.get("trust.headers.accessible"));
        headers.textProperty().bindBidirectional(vm.headersProperty());

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, label("trust.ca.label", ca), ca, chooseCa);
        fields.add(Controls.messageLine("caInfo", vm.caInfoProperty(), "muted-text"), 1, 1, 2, 1);
        fields.addRow(2, label("trust.client.label", client), client, chooseClient);
        fields.add(password, 1, 3, 2, 1);
        fields.add(Controls.messageLine("clientInfo", vm.clientInfoProperty(), "muted-text"), 1, 4, 2, 1);
        fields.addRow(5, label("trust.headers.label", headers), headers);
        GridPane.setColumnSpan(headers, 2);
        GridPane.setHgrow(ca, Priority.ALWAYS);

        Button save = button("saveTrust", "trust.save", "trust.save.accessible");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty());
        Button cancel = button("cancelTrust", "trust.cancel", "trust.cancel");
        cancel.setOnAction(e -> vm.cancel());
        ProgressIndicator checking = new ProgressIndicator();
        checking.setPrefSize(18, 18);
        checking.visibleProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(6, save, cancel, checking);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label(TEXT.get("trust.oneServer"));
        note.setWrapText(true);
        note.getStyleClass().add("muted-text");
        Label title = new Label(
                TEXT.get("trust.dialog.heading", vm.serverNameProperty().get()));
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> TEXT.get(
                                "trust.dialog.heading", vm.serverNameProperty().get()),
                        vm.serverNameProperty()));
        title.getStyleClass().add("message-title");
        getChildren()
                .addAll(
                        title,
                        note,
                        fields,
                        Controls.messageLine("trustError", vm.errorProperty(), "error-text"),
                        buttons);
    }

    private java.util.Optional<Path> choose(TextField near, String titleKey, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(TEXT.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(TEXT.get(titleKey), patterns));
        String current = near.getText();
        if (current != null && !current.isBlank()) {
            File parent = Path.of(current).toFile().getParentFile();
            if (parent != null && parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
        }
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }
}
