package io.ntfybar.ui.markdown;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first enters the node: a list cell is rebuilt for every message scrolled past, and
 * a tooltip (a popup window) per label would be made thousands of times for nothing. FX thread.
 */
public final class LazyTooltip {
    private LazyTooltip() {}

    public static void install(Node node, Supplier<String> text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                String s = text.get();
                if (s == null || s.isEmpty()) {
                    return;
                }
                Tooltip tip = new Tooltip(s);
                tip.setWrapText(true);
                tip.setMaxWidth(480);
                if (node instanceof Control c) {
                    c.setTooltip(tip);
                } else {
                    Tooltip.install(node, tip);
                }
            }
        });
    }
}
