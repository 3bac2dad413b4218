package io.ntfybar.ui.messages;

import javafx.application.Platform;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps the list model told where the view is (the first visible item and how far it is scrolled past its top), and
 * carries out its {@link ScrollRequest}s: after messages were put on top, the item the user was reading goes back
 * where it was, to the pixel. FX thread.
 */
final class MessageScroller {
    private final ListView<MessageItem> list;
    private final MessageListModel model;
    private VirtualFlow<?> flow;
    private double topOffset;
    private boolean moved;
    private final Runnable afterLayout = this::afterLayout;

    MessageScroller(ListView<MessageItem> list, MessageListModel model) {
        this.list = list;
        this.model = model;
        list.skinProperty().addListener((o, was, now) -> attach());
        // where the view is, read after the layout that follows a scroll: during the scroll call the flow's cells
        // still show the old place
        list.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
        });
        model.scrollProperty().addListener((o, was, now) -> {
            if (now != null) {
                apply(now);
            }
        });
    }

    VirtualFlow<?> flow() {
        if (flow == null) {
            attach();
        }
        return flow;
    }

    private void attach() {
        if (flow == null && list.lookup(".virtual-flow") instanceof VirtualFlow<?> f) {
            flow = f;
            f.positionProperty().addListener((o, was, now) -> {
                moved = true;
                Platform.requestNextPulse();
            });
        }
    }

    private void afterLayout() {
        if (moved) {
            moved = false;
            track();
        }
    }

    private void track() {
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        if (first != null && first.getIndex() >= 0) {
            model.topIndexProperty().set(first.getIndex());
            topOffset = first.getLayoutY();
        }
    }

    private void apply(ScrollRequest r) {
        switch (r.mode()) {
            case TOP -> list.scrollTo(0);
            case SELECT -> {
                list.scrollTo(r.index());
                list.getSelectionModel().select(r.index());
                list.requestFocus();
            }
            case KEEP_ANCHOR -> {
                double offset = topOffset;
                list.layout(); // let the flow learn the new item count before scrolling in it
                VirtualFlow<?> f = flow();
                if (f == null) {
                    list.scrollTo(r.index());
                    return;
                }
                f.scrollToTop(r.index());
                if (offset < 0) {
                    f.scrollPixels(-offset);
                }
                moved = true;
            }
        }
    }
}
