package io.ntfybar.ui.messages;

import io.ntfybar.actions.FileNames;
import io.ntfybar.model.Attachment;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.emoji.EmojiText;
import java.io.File;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * A message's attachment: name, size, expiry; an image preview (downloaded within the auto-download limit, decoded
 * in the background) or a "Load preview" button; Open (in the browser) and Save as… (the name proposed through
 * {@link FileNames#sanitize}). FX thread.
 */
final class AttachmentBox extends VBox {
    private static final UiText TEXT = UiText.of(AttachmentBox.class);
    static final double PREVIEW_WIDTH = 320;
    static final double PREVIEW_HEIGHT = 240;

    private final MessageItem item;
    private final ChangeListener<Preview> listener;

    AttachmentBox(MessageItem item, MessagesViewModel vm, Window owner) {
        super(4);
        this.item = item;
        getStyleClass().add("message-attachment");
        Attachment a = item.stored().message().attachment();
        boolean expired = a.isExpired(System.currentTimeMillis() / 1000);
        String size = a.size() == null ? "" : Sizes.shown(a.size());
        String facts = expired
                ? (size.isEmpty()
                        ? TEXT.get("message.attachment.expired")
                        : TEXT.get("message.attachment.size", size, TEXT.get("message.attachment.expired")))
                : size;
        Label name = EmojiText.label("\ud83d\udcce " + a.name());
        name.getStyleClass().add("attachment-name");
        Label detail = new Label(facts);
        detail.getStyleClass().add(expired ? "error-text" : "muted-text");
        HBox row = new HBox(8, name, detail);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setAccessibleText(TEXT.get("message.attachment.accessible", a.name()));
        if (!expired) {
            Button open = new Button(TEXT.get("message.attachment.open"));
            open.setId("attachment-open-" + item.rowId());
            open.setAccessibleText(TEXT.get("message.attachment.open.accessible", a.name()));
            open.setOnAction(e -> vm.openAttachment(item));
            Button save = new Button(TEXT.get("message.attachment.save"));
            save.setId("attachment-save-" + item.rowId());
            save.setAccessibleText(TEXT.get("message.attachment.save.accessible", a.name()));
            save.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(TEXT.get("message.attachment.saveTitle"));
                chooser.setInitialFileName(FileNames.sanitize(a.name()));
                File target = chooser.showSaveDialog(owner);
                if (target != null) {
                    vm.saveAttachment(item, target.toPath());
                }
            });
            row.getChildren().addAll(open, save);
        }
        getChildren().add(row);
        VBox preview = new VBox();
        getChildren().add(preview);
        this.listener = (o, was, now) -> showPreview(preview, now, vm);
        item.previewProperty().addListener(listener);
        showPreview(preview, item.previewProperty().get(), vm);
        if (a.isImage() && !expired && item.previewProperty().get().status() == Preview.Status.NONE) {
            vm.requestPreview(item, false);
        }
    }

    private void showPreview(VBox box, Preview p, MessagesViewModel vm) {
        box.getChildren().clear();
        String name = item.stored().message().attachment().name();
        switch (p.status()) {
            case READY -> {
                Image image = new Image(p.file().toUri().toString(), PREVIEW_WIDTH, PREVIEW_HEIGHT, true, true, true);
                ImageView view = new ImageView(image);
                view.getStyleClass().add("attachment-preview");
                view.setAccessibleText(TEXT.get("message.attachment.preview.accessible", name));
                box.getChildren().add(view);
            }
            case LOADING -> {
                Label l = new Label(TEXT.get("message.attachment.loading"));
                l.getStyleClass().add("muted-text");
                box.getChildren().add(l);
            }
            case NOT_AUTOMATIC, FAILED -> {
                if (p.reason() != null) {
                    Label l = new Label(p.reason());
                    l.setWrapText(true);
                    l.getStyleClass().add(p.status() == Preview.Status.FAILED ? "error-text" : "muted-text");
                    box.getChildren().add(l);
                }
                if (p.status() == Preview.Status.NOT_AUTOMATIC) {
                    Button load = new Button(TEXT.get("message.attachment.load"));
                    load.setId("attachment-load-" + item.rowId());
                    load.setAccessibleText(TEXT.get("message.attachment.load.accessible", name));
                    load.setOnAction(e -> vm.requestPreview(item, true));
                    box.getChildren().add(load);
                }
            }
            default -> {
                // nothing yet
            }
        }
    }

    void dispose() {
        item.previewProperty().removeListener(listener);
    }
}
