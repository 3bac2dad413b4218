package io.ntfybar.ui.messages;

import io.ntfybar.ui.UiText;
import io.ntfybar.ui.emoji.EmojiText;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A sidebar row: name, server, state line (with the problem as tooltip) and the unread badge. FX thread. */
final class SidebarCell extends ListCell<SidebarItem> {
    private static final UiText TEXT = UiText.of(SidebarCell.class);

    SidebarCell() {
        getStyleClass().add("sidebar-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(SidebarItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        Label name = EmojiText.label(item.name());
        name.getStyleClass().add("sidebar-name");
        String line = item.id() == SidebarItem.ALL ? item.statusText() : item.server() + " \u00b7 " + item.statusText();
        Label state = new Label(line);
        state.getStyleClass().addAll("sidebar-state", stateClass(item));
        VBox text = new VBox(1, name, state);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        HBox row = new HBox(6, text);
        row.setAlignment(Pos.CENTER_LEFT);
        if (item.unread() > 0) {
            Label badge = new Label(item.unread() > 999 ? "999+" : String.valueOf(item.unread()));
            badge.getStyleClass().add("unread-badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.setAccessibleText(TEXT.get("unread.accessible", item.unread()));
            row.getChildren().add(badge);
        }
        setGraphic(row);
        String tip =
                item.problem() == null ? null : item.problem() + (item.advice() == null ? "" : "\n" + item.advice());
        setTooltip(tip == null ? null : new Tooltip(tip));
        setAccessibleText(
                item.id() == SidebarItem.ALL
                        ? TEXT.get("sidebar.all.accessible", item.unread())
                        : TEXT.get(
                                "sidebar.row.accessible",
                                item.name(),
                                item.server(),
                                item.statusText(),
                                item.unread()));
    }

    private static String stateClass(SidebarItem item) {
        if (item.hasProblem()) {
            return "error-text";
        }
        return item.status() == SidebarItem.Status.CONNECTED ? "ok-text" : "muted-text";
    }
}
