package io.ntfybar.ui.subscribe;

import io.ntfybar.ui.UiText;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The login fields of a {@link LoginForm}: a choice of kind, then user name and password or a token. Shared by the
 * Subscribe window and the Subscription settings window's "Change login". Ids: {@code loginKind}, {@code username},
 * {@code password}, {@code token}. FX thread only.
 */
public final class LoginPane extends VBox {
    private static final UiText TEXT = UiText.of(LoginPane.class);

    public LoginPane(LoginForm form) {
        setSpacing(6);
        ObservableList<Login.Kind> kinds = FXCollections.observableArrayList();
        ComboBox<Login.Kind> kind = new ComboBox<>(kinds);
        kind.setId("loginKind");
        kind.setAccessibleText(TEXT.get("login.accessible"));
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setCellFactory(l -> new KindCell(form));
        kind.setButtonCell(new KindCell(form));
        Runnable fillKinds = () -> {
            Login.Kind chosen = form.kindProperty().get();
            kinds.setAll(Login.Kind.values());
            if (form.savedLoginProperty().get() == null) {
                kinds.remove(Login.Kind.SAVED);
            }
            kind.setValue(kinds.contains(chosen) ? chosen : Login.Kind.NONE);
        };
        fillKinds.run();
        form.savedLoginProperty().addListener((o, a, b) -> fillKinds.run());
        form.kindProperty().addListener((o, a, b) -> kind.setValue(b));
        kind.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                form.kindProperty().set(b);
            }
        });

        TextField username = new TextField();
        username.setId("username");
        username.setPromptText(TEXT.get("login.username"));
        username.setAccessibleText(TEXT.get("login.username"));
        username.textProperty().bindBidirectional(form.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText(TEXT.get("login.password"));
        password.setAccessibleText(TEXT.get("login.password"));
        password.textProperty().bindBidirectional(form.passwordProperty());
        PasswordField token = new PasswordField();
        token.setId("token");
        token.setPromptText(TEXT.get("login.token"));
        token.setAccessibleText(TEXT.get("login.token"));
        token.textProperty().bindBidirectional(form.tokenProperty());

        var isPassword = form.kindProperty().isEqualTo(Login.Kind.PASSWORD);
        var isToken = form.kindProperty().isEqualTo(Login.Kind.TOKEN);
        for (var f : new TextField[] {username, password}) {
            f.visibleProperty().bind(isPassword);
            f.managedProperty().bind(isPassword);
        }
        token.visibleProperty().bind(isToken);
        token.managedProperty().bind(isToken);

        Label hint = new Label();
        hint.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> TEXT.get("login.hint", form.keychainProperty().get()), form.keychainProperty()));
        hint.getStyleClass().add("muted-text");
        hint.setWrapText(true);

        getChildren().addAll(kind, username, password, token, hint);
    }

    private static final class KindCell extends ListCell<Login.Kind> {
        private final LoginForm form;

        KindCell(LoginForm form) {
            this.form = form;
        }

        @Override
        protected void updateItem(Login.Kind item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
            } else if (item == Login.Kind.SAVED) {
                setText(TEXT.get("login.kind.SAVED", form.savedLoginProperty().get()));
            } else {
                setText(TEXT.get("login.kind." + item.name()));
            }
        }
    }
}
