package io.ntfybar.ui.subscribe;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The login part of a form, as properties for {@link LoginPane}: which kind, the user name, password and token, and
 * the server's saved login (shown as a choice when there is one). No screen needed. FX thread only.
 */
public final class LoginForm {
    private final ObjectProperty<Login.Kind> kind = new SimpleObjectProperty<>(Login.Kind.NONE);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    /** How the server's saved login reads ("phil (password)"), or null when it has none. */
    private final StringProperty savedLogin = new SimpleStringProperty(null);
    /** Where secrets are kept ("the macOS Keychain"), for the hint under the fields. */
    private final StringProperty keychain = new SimpleStringProperty("the keychain");

    private final BooleanBinding complete =
            Bindings.createBooleanBinding(() -> login().complete(), kind, username, password, token);

    public ObjectProperty<Login.Kind> kindProperty() {
        return kind;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty savedLoginProperty() {
        return savedLogin;
    }

    public StringProperty keychainProperty() {
        return keychain;
    }

    /** True when the chosen kind has what it needs (a user and password, or a token). */
    public BooleanBinding completeProperty() {
        return complete;
    }

    /** Shows the server's saved login as the default choice, or "no login" when it has none. */
    public void useServer(String savedDescription) {
        savedLogin.set(savedDescription);
        if (savedDescription != null) {
            kind.set(Login.Kind.SAVED);
        } else if (kind.get() == Login.Kind.SAVED) {
            kind.set(Login.Kind.NONE);
        }
    }

    public Login login() {
        return switch (kind.get()) {
            case SAVED -> Login.saved();
            case NONE -> Login.none();
            case PASSWORD -> Login.password(username.get(), password.get());
            case TOKEN -> Login.token(token.get());
        };
    }

    /** Forgets the entered secrets (after saving or closing), so they do not linger in the window. */
    public void clearSecrets() {
        password.set("");
        token.set("");
    }
}
