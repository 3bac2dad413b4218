package io.ntfybar.ui.preferences;

import io.ntfybar.ui.UiText;
import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where the Backup section asks for a file: the system's open and save dialogs (tests give their own files). */
interface BackupFiles {
    /** The file to import, or null when the user cancelled. */
    Path chooseImport(Window owner);

    /** The file to export to, or null when the user cancelled; the dialog asks before replacing a file. */
    Path chooseExport(Window owner, String suggestedName);

    static BackupFiles dialogs() {
        UiText text = UiText.of(PreferencesWindow.class);
        return new BackupFiles() {
            @Override
            public Path chooseImport(Window owner) {
                FileChooser c = new FileChooser();
                c.setTitle(text.get("backup.import.title"));
                c.getExtensionFilters()
                        .addAll(
                                new FileChooser.ExtensionFilter(
                                        text.get("backup.import.filter"), "*.json", "*.yml", "*.yaml"),
                                new FileChooser.ExtensionFilter(text.get("backup.filter.all"), "*"));
                return path(c.showOpenDialog(owner));
            }

            @Override
            public Path chooseExport(Window owner, String suggestedName) {
                FileChooser c = new FileChooser();
                c.setTitle(text.get("backup.export.title"));
                c.setInitialFileName(suggestedName);
                c.getExtensionFilters()
                        .add(new FileChooser.ExtensionFilter(text.get("backup.export.filter"), "*.json"));
                return path(c.showSaveDialog(owner));
            }

            private Path path(File f) {
                return f == null ? null : f.toPath();
            }
        };
    }
}
