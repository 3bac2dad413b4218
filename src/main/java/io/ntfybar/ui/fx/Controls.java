package io.ntfybar.ui.fx;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Small pieces every window builds the same way. FX thread. */
public final class Controls {
    private Controls() {}

    /** An id for tests and an accessible name: {@code accessible}, or a label's own text when null. */
    public static void name(Node n, String id, String accessible) {
        n.setId(id);
        if (accessible != null) {
            n.setAccessibleText(accessible);
        } else if (n instanceof Label l) {
            n.accessibleTextProperty().bind(l.textProperty());
        }
    }

    /** A line that shows {@code value} in this style class and takes no room while it is empty. */
    public static Label messageLine(ObservableStringValue value, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(value);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.managedProperty().bind(Bindings.isNotEmpty(value));
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    /** {@link #messageLine(ObservableStringValue, String)} with an id, as wide as its container allows. */
    public static Label messageLine(String id, ObservableStringValue value, String styleClass) {
        Label l = messageLine(value, styleClass);
        l.setId(id);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** A field's label; Alt plus its mnemonic and screen readers lead to {@code target}. */
    public static Label fieldLabel(String text, Node target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
