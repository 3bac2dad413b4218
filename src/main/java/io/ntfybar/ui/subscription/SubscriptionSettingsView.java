package io.ntfybar.ui.subscription;

import static io.ntfybar.ui.subscription.SubscriptionControls.button;
import static io.ntfybar.ui.subscription.SubscriptionControls.field;
import static io.ntfybar.ui.subscription.SubscriptionControls.label;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.emoji.EmojiText;
import io.ntfybar.ui.fx.Controls;
import io.ntfybar.ui.subscribe.LoginPane;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Subscription settings window's nodes, bound to a {@link SubscriptionSettingsViewModel}. Ids: {@code problem},
 * {@code displayName}, {@code iconUrl}, {@code minPriority}, {@code mute} (items {@code mute-<DURATION>}),
 * {@code unmute}, {@code muteState}, {@code autoDelete}, {@code keepMessages}, {@code loginText}, {@code changeLogin},
 * {@code saveLogin}, {@code cancelLogin}, {@code loginError}, {@code loginInfo}, the server trust ids of
 * {@link ServerTrustPane}, {@code save}, {@code close}, {@code unsubscribe}, {@code error}, {@code info}. FX thread only.
 */
final class SubscriptionSettingsView {
    private static final UiText TEXT = UiText.of(SubscriptionSettingsView.class);

    final Button save = button("save", "save.button", "save.accessible");
    final Button close = button("close", "close.button", "close.button");
    final Button unsubscribe = button("unsubscribe", "unsubscribe.button", "unsubscribe.accessible");
    private final VBox root = new VBox(10);

    SubscriptionSettingsView(SubscriptionSettingsViewModel vm) {
        root.setPadding(new Insets(16));
        root.setPrefWidth(500);

        // Rebuilt on change (not bound) so that the emoji implementation can draw its own nodes.
        HBox title = new HBox();
        title.setId("title");
        javafx.beans.binding.StringBinding titleText = Bindings.createStringBinding(
                () -> vm.displayNameProperty().get().isBlank()
                        ? vm.titleProperty().get()
                        : vm.displayNameProperty().get().strip(),
                vm.displayNameProperty(),
                vm.titleProperty());
        Runnable showTitle = () -> {
            Label l = EmojiText.label(titleText.get());
            l.getStyleClass().add("message-title");
            // The whole row, whatever width the label's text flow reports on its first layout pass: a pref width of
            // 0 there left the heading blank now and then (seen on Xvfb).
            l.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(l, javafx.scene.layout.Priority.ALWAYS);
            title.getChildren().setAll(l);
        };
        showTitle.run();
        titleText.addListener((o, a, b) -> showTitle.run());
        Label topicUrl = new Label();
        topicUrl.setId("topicUrl");
        topicUrl.getStyleClass().add("muted-text");
        topicUrl.textProperty().bind(vm.titleProperty());
        Label problem = Controls.messageLine("problem", vm.problemProperty(), "error-text");

        TextField displayName = field("displayName", "displayName.prompt", "displayName.accessible");
        displayName.textProperty().bindBidirectional(vm.displayNameProperty());
        TextField icon = field("iconUrl", "icon.prompt", "icon.accessible");
        icon.textProperty().bindBidirectional(vm.iconUrlProperty());
        Label iconError = Controls.messageLine("iconError", vm.iconErrorProperty(), "error-text");

        ComboBox<Integer> priority = combo("minPriority", "priority.accessible", Choices.PRIORITY, Choices::priority);
        bind(priority, vm.minPriorityProperty().asObject(), Choices.PRIORITY);
        ComboBox<Long> autoDelete =
                combo("autoDelete", "autoDelete.accessible", Choices.AUTO_DELETE, Choices::autoDelete);
        bind(autoDelete, vm.autoDeleteSecondsProperty().asObject(), Choices.AUTO_DELETE);
        ComboBox<Integer> keep = combo("keepMessages", "keep.accessible", Choices.KEEP, Choices::keep);
        bind(keep, vm.keepMessagesProperty().asObject(), Choices.KEEP);

        MenuButton mute = new MenuButton(TEXT.get("mute.button"));
        mute.setId("mute");
        mute.setAccessibleText(TEXT.get("mute.accessible"));
        for (MuteDuration d : MuteDuration.values()) {
            MenuItem item = new MenuItem(TEXT.get("mute." + d.name()));
            item.setId("mute-" + d.name());
            item.setOnAction(e -> vm.mute(d));
            mute.getItems().add(item);
        }
        Button unmute = button("unmute", "unmute.button", "unmute.accessible");
        unmute.setOnAction(e -> vm.unmute());
        unmute.visibleProperty().bind(vm.mutedProperty());
        unmute.managedProperty().bind(vm.mutedProperty());
        Label muteState = Controls.messageLine("muteState", vm.muteTextProperty(), "muted-text");
        VBox muteBox = new VBox(4, new HBox(6, mute, unmute), muteState);

        Label loginText = new Label();
        loginText.setId("loginText");
        ServerLoginViewModel login = vm.serverLogin();
        loginText.textProperty().bind(login.loginTextProperty());
        Button changeLogin = button("changeLogin", "login.change", "login.change.accessible");
        changeLogin.setOnAction(e -> login.start());
        changeLogin.visibleProperty().bind(login.changingProperty().not());
        Label oneLogin = new Label(TEXT.get("login.oneLogin"));
        oneLogin.setWrapText(true);
        oneLogin.getStyleClass().add("muted-text");
        Button saveLogin = button("saveLogin", "login.checkAndSave", "login.checkAndSave.accessible");
        saveLogin.setOnAction(e -> login.checkAndSave());
        saveLogin
                .disableProperty()
                .bind(login.busyProperty().or(login.form().completeProperty().not()));
        Button cancelLogin = button("cancelLogin", "login.cancel", "login.cancel");
        cancelLogin.setOnAction(e -> login.cancel());
        ProgressIndicator checking = new ProgressIndicator();
        checking.setPrefSize(18, 18);
        checking.visibleProperty().bind(login.busyProperty());
        HBox loginButtons = new HBox(6, saveLogin, cancelLogin, checking);
        loginButtons.setAlignment(Pos.CENTER_LEFT);
        VBox loginChange = new VBox(6, oneLogin, new LoginPane(login.form()), loginButtons);
        loginChange.visibleProperty().bind(login.changingProperty());
        loginChange.managedProperty().bind(login.changingProperty());
        HBox loginRow = new HBox(8, loginText, changeLogin);
        loginRow.setAlignment(Pos.CENTER_LEFT);
        Label loginError = Controls.messageLine("loginError", login.errorProperty(), "error-text");
        Label loginInfo = Controls.messageLine("loginInfo", login.infoProperty(), "ok-text");
        VBox loginBox = new VBox(6, loginRow, loginChange, loginError, loginInfo);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        form.addRow(row++, label("displayName.label", displayName), displayName);
        form.addRow(row++, label("icon.label", icon), icon);
        form.add(iconError, 1, row++);
        form.addRow(row++, label("priority.label", priority), priority);
        form.addRow(row++, label("mute.label", mute), muteBox);
        form.addRow(row++, label("autoDelete.label", autoDelete), autoDelete);
        form.addRow(row++, label("keep.label", keep), keep);
        form.addRow(row++, label("login.label"), loginBox);
        form.addRow(row, label("trust.label"), ServerTrustPane.summary(vm.serverTrust()));
        form.getChildren().forEach(n -> GridPane.setValignment(n, VPos.TOP));
        GridPane.setHgrow(displayName, Priority.ALWAYS);

        Label error = Controls.messageLine("error", vm.errorProperty(), "error-text");
        Label info = Controls.messageLine("info", vm.infoProperty(), "ok-text");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());

        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        close.setCancelButton(true);
        unsubscribe.disableProperty().bind(vm.subscriptionProperty().isNull().or(vm.busyProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, unsubscribe, gap, progress, close, save);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(title, topicUrl, problem, form, error, info, buttons);
    }

    Parent root() {
        return root;
    }

    private static <T> void bind(ComboBox<T> box, Property<T> value, List<T> choices) {
        Runnable fromVm = () -> {
            T v = value.getValue();
            if (!box.getItems().contains(v)) { // a value set by hand in another version: keep it choosable
                box.getItems().add(v);
            }
            box.setValue(v);
        };
        fromVm.run();
        value.addListener((o, a, b) -> fromVm.run());
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                value.setValue(b);
            }
        });
    }

    private static <T> ComboBox<T> combo(String id, String accessibleKey, List<T> items, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(items);
        box.setId(id);
        box.setAccessibleText(TEXT.get(accessibleKey));
        box.setCellFactory(l -> cell(text));
        box.setButtonCell(cell(text));
        return box;
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
