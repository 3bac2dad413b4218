package io.ntfybar.ui.messages;

import io.ntfybar.model.Action;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.DisplayText;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.emoji.EmojiText;
import io.ntfybar.ui.markdown.LazyTooltip;
import io.ntfybar.ui.markdown.LinkNodes;
import io.ntfybar.ui.markdown.MarkdownView;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * The nodes of one message in the list: unread marker, priority, title with emoji, time, body (markdown or plain text
 * with links), tags, attachment, action buttons and click link. Built by {@link MessageCell} on the FX thread;
 * bindings to the item are released with {@link #dispose}.
 */
final class MessageCard extends VBox {
    private static final UiText TEXT = UiText.of(MessageCard.class);

    private final Runnable unbind;

    MessageCard(MessageItem item, MessagesViewModel vm, boolean showSubscription, javafx.stage.Window owner) {
        super(4);
        getStyleClass().add("message-card");
        DisplayText d = item.display();
        Message m = item.stored().message();

        Label unread = new Label("\u25cf");
        unread.getStyleClass().add("unread-dot");
        unread.setAccessibleText(TEXT.get("message.unread.accessible"));
        unread.visibleProperty().bind(item.readProperty().not());
        unread.managedProperty().bind(unread.visibleProperty());
        LazyTooltip.install(unread, () -> TEXT.get("message.unread"));

        TextFlow title = new TextFlow();
        title.getStyleClass().add("message-title");
        title.getChildren()
                .addAll(EmojiText.nodes(d.title(), 14, t -> t.getStyleClass().add("message-title-text")));
        HBox.setHgrow(title, javafx.scene.layout.Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);

        HBox header = new HBox(6);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().add(unread);
        Label priority = priority(d.priority());
        if (priority != null) {
            header.getChildren().add(priority);
        }
        header.getChildren().add(title);
        if (showSubscription) {
            Label sub = EmojiText.label(TEXT.get("message.subscription", item.subscriptionName()));
            sub.getStyleClass().addAll("muted-text", "message-subscription");
            sub.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(sub);
        }
        Label time = new Label();
        time.getStyleClass().add("message-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        long when = m.time();
        ZoneId zone = ZoneId.systemDefault();
        ObservableValue<String> ago = Bindings.createStringBinding(
                () -> RelativeTime.ago(when, vm.nowProperty().get(), zone), vm.nowProperty());
        time.textProperty().bind(ago);
        String full = RelativeTime.full(when, zone);
        LazyTooltip.install(time, () -> full);
        time.setAccessibleText(TEXT.get("message.time.accessible", full));
        header.getChildren().add(time);
        getChildren().add(header);

        if (!d.body().isEmpty()) {
            Node body = d.markdown()
                    ? MarkdownView.render(d.body(), vm::openLink)
                    : MarkdownView.plain(d.body(), vm::openLink);
            body.getStyleClass().add("message-body");
            getChildren().add(body);
        }
        d.tagsLine().ifPresent(line -> {
            Label tags = EmojiText.label(TEXT.get("message.tags", String.join(", ", d.otherTags())));
            tags.getStyleClass().add("tags-line");
            tags.setWrapText(true);
            getChildren().add(tags);
        });
        if (m.attachment() != null) {
            getChildren().add(new AttachmentBox(item, vm, owner));
        }
        FlowPane buttons = new FlowPane(6, 4);
        buttons.getStyleClass().add("message-actions");
        for (int i = 0; i < item.actionCount(); i++) {
            buttons.getChildren().add(actionButton(item, i, vm));
        }
        if (m.click() != null && !m.click().isBlank()) {
            Label click = new Label(TEXT.get("message.click", ""));
            click.getStyleClass().add("muted-text");
            HBox link = new HBox(2, click, LinkNodes.link(m.click(), m.click(), vm::openLink));
            link.setAlignment(Pos.CENTER_LEFT);
            buttons.getChildren().add(link);
        }
        if (!buttons.getChildren().isEmpty()) {
            getChildren().add(buttons);
        }
        setAccessibleText(TEXT.get("message.accessible", d.title(), d.body(), full));
        this.unbind = () -> {
            unread.visibleProperty().unbind();
            time.textProperty().unbind();
        };
    }

    void dispose() {
        unbind.run();
        getChildren().stream().filter(n -> n instanceof AttachmentBox).forEach(n -> ((AttachmentBox) n).dispose());
    }

    private static Label priority(io.ntfybar.model.Priority p) {
        if (p == io.ntfybar.model.Priority.DEFAULT) {
            return null;
        }
        Label l = new Label(TEXT.get("message.priority." + p.level()));
        l.getStyleClass().add("message-priority");
        l.getStyleClass()
                .add(
                        switch (p) {
                            case MAX -> "priority-max";
                            case HIGH -> "priority-high";
                            default -> "priority-low";
                        });
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setAccessibleText(TEXT.get("message.priority.accessible", p.label()));
        LazyTooltip.install(l, () -> TEXT.get("message.priority.accessible", p.label()));
        return l;
    }

    private static Button actionButton(MessageItem item, int index, MessagesViewModel vm) {
        Action a = item.stored().message().actions().get(index);
        Button b = new Button(a.label());
        b.setId("action-" + item.rowId() + "-" + index);
        b.getStyleClass().add("message-action");
        b.setOnAction(e -> vm.runAction(item, index));
        String[] tipText = {null};
        LazyTooltip.install(b, () -> tipText[0]);
        Runnable show = () -> {
            ActionState s = item.action(index).get();
            b.getStyleClass().removeAll("ok-text", "error-text");
            switch (s.status()) {
                case RUNNING -> b.setText(TEXT.get("message.action.running", a.label()));
                case SUCCEEDED -> {
                    b.setText(TEXT.get("message.action.ok", a.label()));
                    b.getStyleClass().add("ok-text");
                }
                case FAILED -> {
                    b.setText(TEXT.get("message.action.failed", a.label()));
                    b.getStyleClass().add("error-text");
                }
                default -> b.setText(a.label());
            }
            b.setDisable(s.status() == ActionState.Status.RUNNING);
            String detail = s.reason() != null ? s.reason() : a.url() != null ? a.url() : a.value();
            tipText[0] = detail;
            if (b.getTooltip() != null) {
                b.getTooltip().setText(detail == null ? a.label() : detail);
            }
            b.setAccessibleText(
                    TEXT.get("message.action.accessible", b.getText()) + (s.reason() == null ? "" : ". " + s.reason()));
        };
        show.run();
        // a weak listener: the cell drops the card, the item lives on in the list
        item.action(index)
                .addListener(new javafx.beans.value.WeakChangeListener<>(
                        (ChangeListenerHolder.of(b, (o, was, now) -> show.run()))));
        return b;
    }

    /** Keeps a listener reachable as long as its button: a weak listener alone would be collected at once. */
    private static final class ChangeListenerHolder {
        static javafx.beans.value.ChangeListener<ActionState> of(
                Button b, javafx.beans.value.ChangeListener<ActionState> l) {
            b.getProperties().put("action-listener", l);
            return l;
        }
    }
}
