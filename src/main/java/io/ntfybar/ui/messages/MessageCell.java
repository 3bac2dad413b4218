package io.ntfybar.ui.messages;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;

/**
 * A message in the (virtualised) list: a fresh {@link MessageCard} per item shown. Asks for the next page when it
 * shows one of the last items of what is loaded. FX thread.
 */
final class MessageCell extends ListCell<MessageItem> {
    /** Load the next page when a cell this close to the end of the loaded items is shown. */
    static final int PREFETCH = 15;

    private final MessagesViewModel vm;
    private final boolean searchResults;
    private MessageCard card;
    private MessageItem shown;
    private boolean shownMany;

    MessageCell(ListView<MessageItem> list, MessagesViewModel vm, boolean searchResults) {
        this.vm = vm;
        this.searchResults = searchResults;
        getStyleClass().add("message-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setPrefWidth(0); // the card follows the list's width; never a horizontal scroll bar
        setText(null);
        // made when asked for, not per message scrolled past (a context menu is a popup window)
        setOnContextMenuRequested(e -> {
            if (getItem() != null) {
                menu(getItem()).show(this, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    @Override
    protected void updateItem(MessageItem item, boolean empty) {
        super.updateItem(item, empty);
        boolean many = searchResults || vm.selectedProperty().get() == SidebarItem.ALL;
        if (!empty && item != null && card != null && item == shown && many == shownMany) {
            prefetch(); // the same message again (a relayout): keep its nodes and their CSS
            return;
        }
        shown = empty ? null : item;
        shownMany = many;
        if (card != null) {
            card.dispose();
            card = null;
        }
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        card = new MessageCard(
                item, vm, many, getScene() == null ? null : getScene().getWindow());
        card.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
        card.prefWidthProperty().bind(card.maxWidthProperty());
        setGraphic(card);
        setAccessibleText(card.getAccessibleText());
        prefetch();
    }

    private void prefetch() {
        if (!searchResults && getIndex() >= getListView().getItems().size() - PREFETCH) {
            vm.list().loadMore();
        }
    }

    private ContextMenu menu(MessageItem item) {
        var text = io.ntfybar.ui.UiText.of(MessageCell.class);
        MenuItem read = new MenuItem(item.isRead() ? text.get("menu.markUnread") : text.get("menu.markRead"));
        read.setOnAction(e -> vm.toggleRead(item));
        MenuItem copy = new MenuItem(text.get("menu.copy"));
        copy.setOnAction(e -> vm.copy(item));
        MenuItem delete = new MenuItem(text.get("menu.delete"));
        delete.setOnAction(e -> vm.delete(item));
        return new ContextMenu(read, copy, delete);
    }
}
