package io.ntfybar.ui.messages;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.protocol.DisplayText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One message as the list shows it: the stored message, its text by ntfy's display rules, the subscription's name,
 * and what changes while it is shown (read state, action button outcomes, the image preview). FX thread only.
 */
public final class MessageItem {
    private final StoredMessage stored;
    private final DisplayText display;
    private final String subscriptionName;
    private final BooleanProperty read;
    private final List<ObjectProperty<ActionState>> actions;
    private final ObjectProperty<Preview> preview = new SimpleObjectProperty<>(this, "preview", Preview.NONE);

    MessageItem(StoredMessage stored, DisplayText display, String subscriptionName) {
        this.stored = stored;
        this.display = display;
        this.subscriptionName = subscriptionName;
        this.read = new SimpleBooleanProperty(this, "read", stored.read());
        List<ObjectProperty<ActionState>> a = new ArrayList<>();
        for (int i = 0; i < stored.message().actions().size(); i++) {
            a.add(new SimpleObjectProperty<>(this, "action" + i, ActionState.IDLE));
        }
        this.actions = Collections.unmodifiableList(a);
    }

    public StoredMessage stored() {
        return stored;
    }

    public long rowId() {
        return stored.rowId();
    }

    public DisplayText display() {
        return display;
    }

    public String subscriptionName() {
        return subscriptionName;
    }

    public BooleanProperty readProperty() {
        return read;
    }

    public boolean isRead() {
        return read.get();
    }

    /** The state of action button {@code index} (in the message's order). */
    public ObjectProperty<ActionState> action(int index) {
        return actions.get(index);
    }

    public int actionCount() {
        return actions.size();
    }

    public ObjectProperty<Preview> previewProperty() {
        return preview;
    }

    @Override
    public String toString() {
        return "MessageItem[" + stored.rowId() + " " + display.title() + "]";
    }
}
