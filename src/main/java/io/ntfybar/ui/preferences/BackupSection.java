package io.ntfybar.ui.preferences;

import static io.ntfybar.ui.fx.Controls.name;

import io.ntfybar.ui.UiText;
import io.ntfybar.ui.fx.Controls;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Preferences window's Backup section, bound to a {@link BackupViewModel}. FX thread. */
final class BackupSection {
    private final VBox root = new VBox(6);

    BackupSection(BackupViewModel vm, Supplier<BackupFiles> files) {
        UiText text = UiText.of(PreferencesWindow.class);
        Label title = new Label(text.get("section.backup"));
        title.getStyleClass().add("preferences-section");
        Label help = new Label(text.get("backup.help"));
        help.getStyleClass().add("muted-text");
        help.setWrapText(true);

        Button importButton = new Button(text.get("backup.import"));
        name(importButton, "importBackup", text.get("backup.import"));
        importButton.setOnAction(e -> {
            Path file = files.get().chooseImport(root.getScene().getWindow());
            if (file != null) {
                vm.importFrom(file);
            }
        });
        Button exportButton = new Button(text.get("backup.export"));
        name(exportButton, "exportBackup", text.get("backup.export"));
        exportButton.setOnAction(e -> {
            Path file = files.get().chooseExport(root.getScene().getWindow(), vm.suggestedName());
            if (file != null) {
                vm.exportTo(file);
            }
        });
        importButton.disableProperty().bind(vm.busyProperty());
        exportButton.disableProperty().bind(vm.busyProperty());

        CheckBox passwords = new CheckBox(text.get("backup.passwords"));
        passwords.selectedProperty().bindBidirectional(vm.includePasswords);
        passwords.setWrapText(true);
        name(passwords, "includePasswords", text.get("backup.passwords"));
        Label warning = Controls.messageLine(vm.warningProperty(), "error-text");
        name(warning, "passwordWarning", null);

        Label error = Controls.messageLine(vm.errorProperty(), "error-text");
        name(error, "backupError", null);
        TextArea report = new TextArea();
        report.textProperty().bind(vm.reportProperty());
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(8);
        report.managedProperty().bind(Bindings.isNotEmpty(vm.reportProperty()));
        report.visibleProperty().bind(report.managedProperty());
        name(report, "backupReport", text.get("backup.report"));

        root.getChildren()
                .addAll(title, help, new HBox(8, importButton, exportButton), passwords, warning, error, report);
        root.setId("section-backup");
    }

    Node root() {
        return root;
    }
}
