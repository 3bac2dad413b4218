package io.ntfybar.ui.preferences;

import static io.ntfybar.ui.fx.Controls.name;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.model.Priority;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.fx.Controls;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Preferences window's nodes: four sections on one page, bound to a {@link PreferencesViewModel}. FX thread. */
final class PreferencesView {
    private final PreferencesViewModel vm;
    private final UiText text = UiText.of(PreferencesWindow.class);
    private final BorderPane root = new BorderPane();
    private final VBox page = new VBox(14);
    private GridPane grid;
    private int row;

    PreferencesView(PreferencesViewModel vm, Supplier<BackupFiles> files, Runnable onClose) {
        this.vm = vm;
        page.setPadding(new Insets(16));
        page.getChildren().add(banner(vm.problemProperty(), "problem", "error-text"));
        page.getChildren().add(banner(vm.saveErrorProperty(), "saveError", "error-text"));

        section("general");
        TextField server = new TextField();
        server.textProperty().bindBidirectional(vm.defaultServer);
        server.setPromptText(text.get("server.prompt"));
        server.setOnAction(e -> vm.commitDefaultServer());
        server.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.commitDefaultServer();
            }
        });
        Label serverError = banner(vm.defaultServerErrorProperty(), "serverError", "error-text");
        add("server", "server", new VBox(2, server, serverError, note("server.help")), server);
        ChoiceBox<String> appearance = choice(vm.appearance, vm.appearanceChoices(), v -> choiceText("appearance", v));
        add("appearance", "appearance", appearance, appearance);
        CheckBox launch = new CheckBox(text.get("launch.label"));
        launch.selectedProperty().bindBidirectional(vm.launchAtLogin);
        launch.disableProperty().bind(vm.launchAvailableProperty().not());
        name(launch, "launchAtLogin", text.get("launch.label"));
        Label launchNote = banner(vm.launchNoteProperty(), "launchNote", "muted-text");
        add(null, null, new VBox(2, launch, launchNote), launch);

        section("notifications");
        ChoiceBox<Priority> min =
                choice(vm.minPriority, vm.priorityChoices(), p -> text.get("minPriority." + p.level()));
        add("minPriority", "minPriority", new VBox(2, min, note("minPriority.help")), min);
        GridPane soundGrid = new GridPane();
        soundGrid.setHgap(8);
        soundGrid.setVgap(4);
        for (int p = 1; p <= 5; p++) {
            ChoiceBox<String> sound = choice(vm.soundProperty(p), vm.soundChoices(p), v -> choiceText("sound", v));
            name(sound, "sound" + p, text.get("sound.accessible", p));
            soundGrid.add(new Label(text.get("sound.priority", p)), 0, p - 1);
            soundGrid.add(sound, 1, p - 1);
        }
        add("sounds", null, soundGrid, soundGrid);
        CheckBox insistent = new CheckBox(text.get("insistent.label"));
        insistent.selectedProperty().bindBidirectional(vm.insistent);
        insistent.setWrapText(true);
        name(insistent, "insistent", text.get("insistent.label"));
        add(null, null, insistent, insistent);
        Spinner<Integer> catchUp = spinner(vm.catchUpSummary, 1, 1000, "catchUp");
        HBox catchUpLine = suffixed(catchUp, "catchUp.suffix");
        Label more = new Label(text.get("catchUp.prefix"));
        more.setMinWidth(Region.USE_PREF_SIZE);
        catchUpLine.getChildren().add(0, more);
        add("catchUp", null, catchUpLine, catchUp);
        add("pause", null, pause(), null);
        ChoiceBox<Integer> alertAfter = choice(vm.connectionAlert, vm.connectionAlertChoices(), this::alertAfterText);
        add("connectionAlert", "connectionAlert", new VBox(2, alertAfter, note("connectionAlert.help")), alertAfter);

        section("attachments");
        ChoiceBox<String> auto = choice(vm.autoDownload, vm.autoDownloadChoices(), v -> choiceText("autoDownload", v));
        add("autoDownload", "autoDownload", new VBox(2, auto, note("autoDownload.help")), auto);

        section("history");
        Spinner<Integer> days = spinner(vm.keepDays, 0, 36_500, "keepDays");
        add("keepDays", null, suffixed(days, "keepDays.suffix"), days);
        Spinner<Integer> count = spinner(vm.keepMessages, 0, 10_000_000, "keepMessages");
        add("keepMessages", null, new VBox(2, suffixed(count, "keepMessages.suffix"), note("history.help")), count);

        page.getChildren().add(new BackupSection(vm.backup(), files).root());

        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        Button close = new Button(text.get("close"));
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        name(close, "close", text.get("close"));
        HBox bar = new HBox(close);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(8, 16, 12, 16));
        root.setBottom(bar);
    }

    private Node pause() {
        MenuButton choose = new MenuButton(text.get("pause.choose"));
        name(choose, "pauseFor", text.get("pause.choose"));
        for (MuteDuration d : MuteDuration.values()) {
            MenuItem item = new MenuItem(text.get("mute." + d.name()));
            item.setId("pause-" + d.name());
            item.setOnAction(e -> vm.pause(d));
            choose.getItems().add(item);
        }
        Button resume = new Button(text.get("pause.resume"));
        name(resume, "resume", text.get("pause.resume"));
        resume.setOnAction(e -> vm.resume());
        resume.visibleProperty().bind(vm.pausedProperty());
        resume.managedProperty().bind(resume.visibleProperty());
        Label status = new Label();
        status.textProperty().bind(vm.pauseStatusProperty());
        status.setWrapText(true);
        name(status, "pauseStatus", null);
        HBox buttons = new HBox(8, choose, resume);
        return new VBox(4, status, buttons);
    }

    private void section(String key) {
        Label title = new Label(text.get("section." + key));
        title.getStyleClass().add("preferences-section");
        grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setPrefWidth(170);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        row = 0;
        VBox box = new VBox(6, title, grid);
        box.setId("section-" + key);
        page.getChildren().add(box);
    }

    /** A row: the label from {@code key.label} (none for null); {@code id} names {@code control} (null: named elsewhere). */
    private void add(String key, String id, Node shown, Node control) {
        if (key != null) {
            Label label = new Label(text.get(key + ".label"));
            label.setWrapText(true);
            GridPane.setValignment(label, VPos.TOP);
            label.setPadding(new Insets(4, 0, 0, 0));
            if (control != null) {
                label.setLabelFor(control);
            }
            grid.add(label, 0, row);
            if (id != null) {
                name(control, id, text.get(key + ".label"));
            }
        }
        grid.add(shown, 1, row++);
    }

    private <T> ChoiceBox<T> choice(ObjectProperty<T> value, ObservableList<T> items, Function<T, String> label) {
        ChoiceBox<T> box = new ChoiceBox<>(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : label.apply(v);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private Spinner<Integer> spinner(ObjectProperty<Integer> value, int min, int max, String id) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get() == null ? min : value.get());
        s.setValueFactory(f);
        f.valueProperty().bindBidirectional(value);
        s.setEditable(true);
        // A number typed and then left (Tab, a click elsewhere) is saved too, not only one confirmed with Enter.
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                try {
                    f.setValue(Integer.parseInt(s.getEditor().getText().strip()));
                } catch (NumberFormatException e) {
                    s.getEditor().setText(String.valueOf(f.getValue()));
                }
            }
        });
        s.setPrefWidth(100);
        s.setMinWidth(Region.USE_PREF_SIZE);
        name(s, id, text.get(id + ".label"));
        return s;
    }

    private HBox suffixed(Node control, String suffixKey) {
        Label suffix = new Label(text.get(suffixKey));
        suffix.setWrapText(true);
        HBox box = new HBox(8, control, suffix);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private String alertAfterText(Integer minutes) {
        if (minutes == null || minutes == 0) {
            return text.get("connectionAlert.never");
        }
        return minutes % 60 == 0
                ? text.get("connectionAlert.afterHours", minutes / 60)
                : text.get("connectionAlert.afterMinutes", minutes);
    }

    private String choiceText(String prefix, String value) {
        return PreferencesText.choice(text, prefix, value);
    }

    private Label note(String key) {
        Label l = new Label(text.get(key));
        l.getStyleClass().add("muted-text");
        l.setWrapText(true);
        return l;
    }

    private static Label banner(ObservableStringValue value, String id, String style) {
        Label l = Controls.messageLine(value, style);
        name(l, id, null);
        return l;
    }

    Parent root() {
        return root;
    }
}
