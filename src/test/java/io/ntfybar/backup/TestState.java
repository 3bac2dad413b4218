package io.ntfybar.backup;

import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.settings.Settings;
import io.ntfybar.settings.SettingsFile;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import java.nio.file.Path;

/**
 * A real ntfybar home for importer and exporter tests: an H2 file, settings.yml and a session keychain (secrets in
 * memory, as the app keeps them without an OS keychain) under a temporary folder. No engine runs.
 */
final class TestState implements AutoCloseable {
    final Path home;
    final Database db;
    final SubscriptionStore subscriptions;
    final H2MessageStore messages;
    final Keychain keychain;
    final SettingsFile settingsFile;
    final LocalState state;

    TestState(Path home) {
        this(home, Keychains.sessionOnly("backup tests"), true);
    }

    TestState(Path home, Keychain keychain, boolean sessionSecretsOk) {
        this.home = home;
        this.db = Database.open(home.resolve("data"));
        this.subscriptions = new SubscriptionStore(db);
        this.messages = new H2MessageStore(db);
        this.keychain = keychain;
        this.settingsFile = new SettingsFile(home.resolve("config"));
        this.state = new LocalState(
                home.resolve("config"),
                subscriptions,
                messages,
                keychain,
                settingsFile::load,
                change -> {
                    Settings next = change.apply(settingsFile.load());
                    settingsFile.save(next);
                    return next;
                },
                sessionSecretsOk);
    }

    Settings settings() {
        return settingsFile.load();
    }

    ImportReport importFile(Path file) {
        return Backups.importFile(state, file);
    }

    @Override
    public void close() {
        db.close();
    }
}
