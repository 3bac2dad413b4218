package io.ntfybar.ui.messages;

import io.ntfybar.ui.UiText;
import io.ntfybar.ui.Windows;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Messages window's nodes: sidebar, toolbar (search, mark all read, clear all, settings, subscribe, publish), the
 * message list and the search results, bound to a {@link MessagesViewModel}. FX thread.
 */
final class MessagesView {
    private static final UiText TEXT = UiText.of(MessagesView.class);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination READ = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNREAD = new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN);

    final BorderPane root = new BorderPane();
    final TextField search = new TextField();
    final ListView<SidebarItem> sidebar = new ListView<>();
    final ListView<MessageItem> messages = new ListView<>();
    final ListView<MessageItem> results = new ListView<>();
    final MessageScroller scroller;
    private final MessagesViewModel vm;
    private final Windows windows;
    private boolean syncing;

    MessagesView(MessagesViewModel vm, Windows windows) {
        this.vm = vm;
        this.windows = windows;
        root.getStyleClass().add("messages-window");
        buildSidebar();
        VBox right = new VBox(toolbar(), banner(), lists(), notice());
        SplitPane split = new SplitPane(sidebar, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(sidebar, false);
        root.setCenter(split);
        scroller = new MessageScroller(messages, vm.list());
    }

    private void buildSidebar() {
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar");
        sidebar.setAccessibleText(TEXT.get("sidebar.accessible"));
        // Added before the list view's own listener: while the rows are replaced, the selection model moves its
        // selection to whatever row is now at the old index; that is no choice of the user's. The sync below, added
        // after, selects the right row again and ends this.
        vm.sidebar().addListener((javafx.collections.ListChangeListener<SidebarItem>) c -> syncing = true);
        sidebar.setItems(vm.sidebar());
        sidebar.setCellFactory(l -> new SidebarCell());
        sidebar.setMinWidth(180);
        sidebar.setPrefWidth(260);
        sidebar.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                vm.search().queryProperty().set("");
                vm.select(now.id());
            }
        });
        Runnable sync = () -> {
            syncing = true;
            try {
                long id = vm.selectedProperty().get();
                for (int i = 0; i < vm.sidebar().size(); i++) {
                    if (vm.sidebar().get(i).id() == id) {
                        if (sidebar.getSelectionModel().getSelectedIndex() != i) {
                            sidebar.getSelectionModel().select(i);
                        }
                        return;
                    }
                }
                sidebar.getSelectionModel().clearSelection();
            } finally {
                syncing = false;
            }
        };
        vm.selectedProperty().addListener((o, was, now) -> sync.run());
        vm.sidebar().addListener((javafx.collections.ListChangeListener<SidebarItem>) c -> sync.run());
    }

    private HBox toolbar() {
        search.setId("search");
        search.setPromptText(TEXT.get("toolbar.search.prompt"));
        search.setAccessibleText(TEXT.get("toolbar.search.accessible"));
        search.textProperty().bindBidirectional(vm.search().queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                if (search.getText().isEmpty()) {
                    messages.requestFocus();
                } else {
                    search.clear();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                if (!results.getItems().isEmpty()) {
                    results.requestFocus();
                    results.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        Button markAll = button("mark-all-read", "toolbar.markAllRead", vm::markAllRead);
        Button clear = button("clear-all", "toolbar.clearAll", this::confirmClear);
        Button settings = button(
                "subscription-settings",
                "toolbar.settings",
                () -> windows.showSubscriptionSettings(vm.selectedProperty().get()));
        settings.disableProperty()
                .bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() <= 0, vm.selectedProperty()));
        markAll.disableProperty().bind(vm.search().activeProperty());
        clear.disableProperty()
                .bind(vm.search().activeProperty().or(Bindings.isEmpty(vm.list().items())));
        Button subscribe = button("subscribe", "toolbar.subscribe", windows::showSubscribe);
        Button publish = button("publish", "toolbar.publish", () -> windows.showPublish(vm.selectedTopicUrl()));
        HBox bar = new HBox(6, search, markAll, clear, settings, subscribe, publish);
        bar.getStyleClass().add("messages-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private Button button(String id, String key, Runnable run) {
        Button b = new Button(TEXT.get(key));
        b.setId(id);
        b.setAccessibleText(TEXT.get(key + ".accessible"));
        b.setOnAction(e -> run.run());
        return b;
    }

    /** A subscription that has a problem and still shows its old messages says so above them. */
    private HBox banner() {
        Label text = new Label();
        text.setWrapText(true);
        text.getStyleClass().add("error-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button fix = button(
                "problem-settings",
                "empty.problem.button",
                () -> windows.showSubscriptionSettings(vm.selectedProperty().get()));
        fix.setAccessibleText(TEXT.get("toolbar.settings.accessible"));
        HBox banner = new HBox(8, text, fix);
        banner.setId("problem-banner");
        banner.getStyleClass().add("problem-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 8, 6, 8));
        text.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            SidebarItem s = vm.selectedItemProperty().get();
                            return s == null || !s.hasProblem()
                                    ? ""
                                    : TEXT.get(
                                            "problem.banner",
                                            s.problem() == null ? s.statusText() : s.problem(),
                                            s.advice() == null ? "" : s.advice());
                        },
                        vm.selectedItemProperty()));
        banner.visibleProperty()
                .bind(text.textProperty()
                        .isNotEmpty()
                        .and(Bindings.isNotEmpty(vm.list().items())));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private StackPane lists() {
        messages.setId("messages");
        messages.setAccessibleText(TEXT.get("list.accessible"));
        messages.setItems(vm.list().items());
        messages.setCellFactory(l -> new MessageCell(l, vm, false));
        messages.setPlaceholder(new EmptyStateView(vm, windows));
        messages.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        results.setId("search-results");
        results.setAccessibleText(TEXT.get("search.accessible"));
        results.setItems(vm.search().results());
        results.setCellFactory(l -> new MessageCell(l, vm, true));
        results.setPlaceholder(new EmptyStateView(vm, windows));
        results.visibleProperty().bind(vm.search().activeProperty());
        messages.visibleProperty().bind(vm.search().activeProperty().not());
        keys(messages);
        keys(results);
        results.setOnMouseClicked(e -> {
            MessageItem item = results.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && item != null) {
                vm.jumpTo(item);
            }
        });
        PauseTransition settle = new PauseTransition(Duration.millis(1200));
        messages.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            settle.stop();
            if (now != null && !now.isRead()) {
                settle.setOnFinished(e -> {
                    if (messages.getSelectionModel().getSelectedItem() == now) {
                        vm.selectionSettled(now);
                    }
                });
                settle.playFromStart();
            }
        });
        StackPane stack = new StackPane(messages, results);
        VBox.setVgrow(stack, Priority.ALWAYS);
        return stack;
    }

    private void keys(ListView<MessageItem> list) {
        list.setOnKeyPressed(e -> {
            MessageItem item = list.getSelectionModel().getSelectedItem();
            if (item == null) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.delete(item);
            } else if (COPY.match(e)) {
                vm.copy(item);
            } else if (READ.match(e) || UNREAD.match(e)) {
                vm.toggleRead(item);
            } else if (e.getCode() == KeyCode.ENTER && list == results) {
                vm.jumpTo(item);
            } else {
                return;
            }
            e.consume();
        });
    }

    private Label notice() {
        Label l = new Label();
        l.setId("notice");
        l.getStyleClass().add("muted-text");
        l.setPadding(new Insets(2, 8, 4, 8));
        l.textProperty().bind(vm.noticeProperty());
        l.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        PauseTransition fade = new PauseTransition(Duration.seconds(8));
        fade.setOnFinished(e -> vm.noticeProperty().set(null));
        vm.noticeProperty().addListener((o, was, now) -> {
            if (now != null) {
                fade.playFromStart();
            }
        });
        return l;
    }

    private void confirmClear() {
        SidebarItem s = vm.selectedItemProperty().get();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(root.getScene().getWindow());
        ask.setTitle(TEXT.get("clear.title"));
        ask.setHeaderText(TEXT.get("clear.header", s == null ? TEXT.get("sidebar.all") : s.name()));
        ask.setContentText(TEXT.get("clear.content"));
        ButtonType delete = new ButtonType(TEXT.get("clear.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(TEXT.get("clear.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ask.getButtonTypes().setAll(cancel, delete);
        ((Button) ask.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((Button) ask.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ask.showAndWait().filter(delete::equals).ifPresent(b -> vm.clearAll());
    }
}
