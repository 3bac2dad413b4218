package io.ntfybar.ui.messages;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.CoreListener;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.Windows;
import io.ntfybar.ui.fx.FxStages;
import io.ntfybar.ui.markdown.MarkdownView;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The Messages window: subscriptions on the left, their messages on the right, search across all of them. Created
 * on the first {@link #show}, then reused; closing it only hides it.
 *
 * <p>Threading: every method on the FX thread. Read state: a message selected for 1.2 s becomes read, as in mail
 * apps; Ctrl/Cmd+R (or +U) toggles it.
 */
public final class MessagesWindow {
    private static final UiText TEXT = UiText.of(MessagesWindow.class);

    private final AppCore core;
    private final Windows windows;
    private final UiThreads threads;
    private Stage stage;
    private MessagesViewModel vm;
    private MessagesView view;

    public MessagesWindow(AppCore core, Windows windows, UiThreads threads) {
        this.core = core;
        this.windows = windows;
        this.threads = threads;
    }

    /** Shows the window at this subscription (0: as it was) scrolled to this message (0: none), in front. */
    public void show(long subscriptionId, long rowId) {
        Stage s = stage();
        vm.show(subscriptionId, rowId);
        if (!s.isShowing()) {
            s.show();
        }
        s.toFront();
        s.requestFocus();
    }

    /** The window's stage, created on first use. */
    public Stage stage() {
        if (stage == null) {
            create();
        }
        return stage;
    }

    /** For tests and the benchmark. */
    public MessagesViewModel viewModel() {
        stage();
        return vm;
    }

    private void create() {
        vm = new MessagesViewModel(core, threads);
        view = new MessagesView(vm, windows);
        vm.setClipboard(text -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        Scene scene = new Scene(view.root, 1100, 720);
        scene.getStylesheets().addAll(MarkdownView.stylesheet(), stylesheet());
        stage = new Stage();
        stage.setTitle(TEXT.get("window.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        FxStages.prepare(stage, scene);
        scene.getAccelerators().put(shortcut(KeyCode.F), () -> {
            view.search.requestFocus();
            view.search.selectAll();
        });
        scene.getAccelerators().put(shortcut(KeyCode.N), windows::showSubscribe);
        scene.getAccelerators().put(shortcut(KeyCode.P), () -> windows.showPublish(vm.selectedTopicUrl()));
        scene.getAccelerators().put(shortcut(KeyCode.COMMA), windows::showPreferences);
        Timeline minute = new Timeline(
                new KeyFrame(Duration.minutes(1), e -> vm.nowProperty().set(Instant.now())));
        minute.setCycleCount(Timeline.INDEFINITE);
        minute.play();
        stage.setOnShown(e -> vm.nowProperty().set(Instant.now()));
        core.addListener(new CoreListener() {
            @Override
            public void onOpenMessage(StoredMessage message) {
                threads.fx().execute(() -> show(message.subscriptionId(), message.rowId()));
            }

            @Override
            public void onOpenSubscription(Subscription subscription) {
                threads.fx().execute(() -> show(subscription.id(), 0));
            }
        });
        vm.start();
    }

    static String stylesheet() {
        return MessagesWindow.class.getResource("messages.css").toExternalForm();
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
