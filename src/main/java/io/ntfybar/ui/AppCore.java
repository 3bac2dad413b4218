package io.ntfybar.ui;

import io.ntfybar.credentials.Keychain;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.notify.MessageActions;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.settings.Settings;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.TopicProblem;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * What the tray and the windows use of the running app: the store, the settings, the keychain, HTTP clients, the
 * actions, and events. The app ({@code app.DesktopCore}) implements it; tests use that same implementation on a
 * temporary folder against the test server.
 *
 * <p>Threading: every method may do I/O (H2, the settings file, the keychain). Never call them on the JavaFX
 * application thread or the AWT event thread: run them on {@link UiThreads#io()}. Listeners are called on core threads
 * (the store writer, the engine, the notification thread) and must hop to their own toolkit's thread.
 */
public interface AppCore {
    AppPaths paths();

    /** The settings in effect (what {@code settings.yml} held at start, plus the changes made since). */
    Settings settings();

    /**
     * Saves a change of the settings to {@code settings.yml} and applies it (connections, notifications, theme).
     *
     * @throws io.ntfybar.settings.SettingsException when the file cannot be written; nothing is applied then
     */
    Settings updateSettings(UnaryOperator<Settings> change);

    /** A sentence when {@code settings.yml} could not be used at start (the app then runs on defaults), else empty. */
    Optional<String> settingsProblem();

    SubscriptionStore subscriptions();

    H2MessageStore messages();

    Keychain keychain();

    /**
     * The client for requests to this server (publish, {@code /auth} checks, attachments): its own CA, client
     * certificate and headers ({@code net.ServerClients}).
     *
     * @throws io.ntfybar.net.TrustException with a sentence when the server's trust settings cannot be used
     */
    OkHttpClient requestsFor(String baseUrl);

    /** The stored login of this server as an Authorization header, or empty for anonymous access. */
    Optional<AuthorizationHeader> authFor(String baseUrl);

    /** Open links by the scheme rules, run http actions (only ever on the user's click), copy. */
    MessageActions actions();

    /** Re-reads the subscriptions from the store and reconnects what changed; call after adding, editing or removing. */
    void subscriptionsChanged();

    /**
     * A server's login changed (a new secret in the keychain, or another user or token in the settings): its topics
     * that were refused are tried again, and its streams reconnect with the new login.
     */
    void loginChanged(String baseUrl);

    /** Marks messages read or unread, withdraws their notifications when read, and tells the listeners. */
    void setRead(Collection<StoredMessage> messages, boolean read);

    /** Hides messages (deleted by the user) and tells the listeners. */
    void delete(Collection<StoredMessage> messages);

    /** The newest report of each server connection. */
    List<ConnectionState.Report> connections();

    /** Topics a server refused (login needed, forbidden, invalid), by subscription id. */
    Map<Long, TopicProblem> problems();

    void addListener(CoreListener listener);

    void removeListener(CoreListener listener);

    /** Ends the app: closes connections, the notifier and the store, then exits. */
    void quit();

    /** Starting ntfybar at login, in this operating system's way. */
    LoginItem loginItem();
}
