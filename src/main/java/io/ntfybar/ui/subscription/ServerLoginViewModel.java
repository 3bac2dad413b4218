package io.ntfybar.ui.subscription;

import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.subscribe.Login;
import io.ntfybar.ui.subscribe.LoginCheck;
import io.ntfybar.ui.subscribe.LoginForm;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Server login" part of the Subscription settings window: which login the subscription's server uses, and
 * changing it, checked with the server's {@code /auth} for this topic by {@link LoginCheck} (as in the Subscribe
 * window) before anything is saved. FX thread; work on {@link UiThreads#io()}.
 */
public final class ServerLoginViewModel {
    private static final UiText TEXT = UiText.of(ServerLoginViewModel.class);

    private final AppCore core;
    private final UiThreads threads;
    private final LoginCheck loginCheck;
    private final Supplier<Subscription> subscription;

    private final StringProperty loginText = new SimpleStringProperty("");
    private final LoginForm form = new LoginForm();
    private final BooleanProperty changing = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");

    ServerLoginViewModel(AppCore core, UiThreads threads, Supplier<Subscription> subscription) {
        this.core = core;
        this.threads = threads;
        this.loginCheck = new LoginCheck(core);
        this.subscription = subscription;
    }

    /** Shows what was loaded (on the FX thread): the server's login and where secrets are kept. */
    void show(String loginNow, String keychain) {
        cancel();
        error.set("");
        info.set("");
        loginText.set(loginNow);
        form.keychainProperty().set(keychain);
    }

    /** Shows the login fields, with the server's saved login chosen. */
    public void start() {
        Subscription s = subscription.get();
        if (s == null) {
            return;
        }
        changing.set(true);
        threads.io().execute(() -> {
            var server = core.settings().server(s.baseUrl());
            boolean has = server.token()
                    || (server.username() != null && !server.username().isEmpty());
            String saved = has ? LoginCheck.describe(server) : null;
            threads.fx().execute(() -> form.useServer(saved));
        });
    }

    public void cancel() {
        changing.set(false);
        form.clearSecrets();
    }

    /** Checks the entered login against this topic's {@code /auth}; saves it for the server when it may read. */
    public void checkAndSave() {
        Subscription s = subscription.get();
        if (s == null || busy.get() || !form.completeProperty().get()) {
            return;
        }
        Login l = form.login();
        ServerUrl url = ServerUrl.of(s.baseUrl());
        error.set("");
        info.set("");
        busy.set(true);
        threads.io().execute(() -> {
            Optional<String> failed =
                    loginCheck.check(url, s.topic(), l).problem().or(() -> loginCheck.save(url, l));
            if (failed.isEmpty()) {
                core.subscriptionsChanged();
            }
            String loginNow = LoginCheck.describe(core.settings().server(s.baseUrl()));
            threads.fx().execute(() -> {
                busy.set(false);
                if (failed.isPresent()) {
                    error.set(failed.get());
                    return;
                }
                loginText.set(loginNow);
                cancel();
                info.set(TEXT.get("login.saved", loginNow, url.shortForm()));
            });
        });
    }

    /** How the server's login reads: "phil (password)", "an access token" or "no login". */
    public StringProperty loginTextProperty() {
        return loginText;
    }

    public LoginForm form() {
        return form;
    }

    /** True while the login fields are shown. */
    public BooleanProperty changingProperty() {
        return changing;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Why the login was not saved, for the user; empty otherwise. */
    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }
}
