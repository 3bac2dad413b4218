package io.ntfybar.ui.preferences;

import io.ntfybar.backup.BackupException;
import io.ntfybar.backup.Backups;
import io.ntfybar.backup.ExportReport;
import io.ntfybar.backup.ImportReport;
import io.ntfybar.backup.LocalState;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Backup section of the Preferences window: import a backup of ntfy's Android app or ntfy's client.yml, export a
 * backup the Android app restores (passwords only when asked, with a warning), and the report of what happened.
 * After an import the running app picks up the new subscriptions and logins at once.
 *
 * <p>Threading: use on the FX thread; the work runs on the I/O thread and reports back through {@code fx}.
 */
public final class BackupViewModel {
    private final AppCore core;
    private final UiThreads threads;
    private final UiText text = UiText.of(PreferencesWindow.class);

    /** Write passwords, tokens and client certificate passwords into the export, in clear text. */
    public final BooleanProperty includePasswords = new SimpleBooleanProperty(this, "includePasswords");

    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty report = new SimpleStringProperty(this, "report", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty warning = new SimpleStringProperty(this, "warning", "");

    public BackupViewModel(AppCore core, UiThreads threads) {
        this.core = core;
        this.threads = threads;
        includePasswords.addListener((o, was, is) -> warning.set(is ? text.get("backup.passwords.warning") : ""));
    }

    /** Imports {@code file} (either kind; told apart by its content) and shows the report. */
    public void importFrom(Path file) {
        run(text.get("backup.importing", file.getFileName()), "backup.import.failed", () -> {
            ImportReport r = Backups.importFile(state(), file);
            if (r.storeChanged()) {
                core.subscriptionsChanged();
            }
            r.changedServers().forEach(core::loginChanged);
            return r.text();
        });
    }

    /** Writes the export to {@code file}, replacing it (the save dialog asked already). */
    public void exportTo(Path file) {
        boolean passwords = includePasswords.get();
        run(text.get("backup.exporting", file.getFileName()), "backup.export.failed", () -> {
            ExportReport r = Backups.exportFile(state(), file, passwords, true);
            return r.text();
        });
    }

    /** The file name the save dialog suggests. */
    public String suggestedName() {
        return Backups.suggestedName(LocalDate.now());
    }

    private void run(String working, String failedKey, Supplier<String> work) {
        busy.set(true);
        error.set("");
        report.set(working);
        threads.io().execute(() -> {
            String done = null;
            String failed = null;
            try {
                done = work.get();
            } catch (BackupException e) {
                failed = e.getMessage();
            } catch (RuntimeException e) {
                // A store or keychain failure: a sentence from its layer; the log has the rest.
                failed = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            String ok = done;
            String why = failed;
            threads.fx().execute(() -> {
                busy.set(false);
                report.set(ok == null ? "" : ok);
                error.set(why == null ? "" : text.get(failedKey, why));
            });
        });
    }

    private LocalState state() {
        return new LocalState(
                core.paths().config(),
                core.subscriptions(),
                core.messages(),
                core.keychain(),
                core::settings,
                core::updateSettings,
                true);
    }

    /** While an import or export runs: the buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** What the last import or export did (or is doing); empty before the first. */
    public ReadOnlyStringProperty reportProperty() {
        return report;
    }

    /** Why the last import or export did nothing at all; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** The clear-text warning, shown while {@link #includePasswords} is on. */
    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }
}
