package io.ntfybar.backup;

import io.ntfybar.credentials.Keychain;
import io.ntfybar.settings.Settings;
import io.ntfybar.settings.SettingsFile;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What a backup reads and an import changes: the store, the settings, the keychain and the config folder (where
 * imported certificates go, under {@code certs/}). The app passes its running core (so a settings change is applied at
 * once); the command line passes the files.
 *
 * @param configFolder the folder of {@code settings.yml}
 * @param settings the settings in effect
 * @param updateSettings saves a change of the settings and returns the new settings; throws
 *     {@link io.ntfybar.settings.SettingsException} when it cannot
 * @param sessionSecretsOk whether secrets may go into a keychain that forgets them when the process ends: true in the
 *     app (they last the session, as a login entered there does), false on the command line (it ends at once)
 */
public record LocalState(
        Path configFolder,
        SubscriptionStore subscriptions,
        H2MessageStore messages,
        Keychain keychain,
        Supplier<Settings> settings,
        Function<UnaryOperator<Settings>, Settings> updateSettings,
        boolean sessionSecretsOk) {

    public LocalState {
        Objects.requireNonNull(configFolder, "configFolder");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(keychain, "keychain");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(updateSettings, "updateSettings");
    }

    /**
     * The state kept in files, for the command line: {@code settings.yml} is read now and written on each change.
     *
     * @throws io.ntfybar.settings.SettingsException when settings.yml cannot be read (the import then changes nothing)
     */
    public static LocalState ofFiles(
            Path configFolder, SubscriptionStore subscriptions, H2MessageStore messages, Keychain keychain) {
        SettingsFile file = new SettingsFile(configFolder);
        Settings[] current = {file.load()};
        return new LocalState(
                configFolder,
                subscriptions,
                messages,
                keychain,
                () -> current[0],
                change -> {
                    Settings next = change.apply(current[0]);
                    file.save(next);
                    current[0] = next;
                    return next;
                },
                false);
    }

    /** The folder imported certificates are written to. */
    Path certificates() {
        return configFolder.resolve("certs");
    }
}
