package io.ntfybar.ui.emoji;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Text with emoji for the windows. This first version draws emoji with the system font (no colour on Linux); the
 * image-based version replaces it with the same API. Build nodes on the FX thread.
 */
public final class EmojiText {
    private EmojiText() {}

    /** A flow of the text, emoji included; style class {@code emoji-text}. */
    public static TextFlow flow(String text) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add("emoji-text");
        f.getChildren().addAll(nodes(text, 13, t -> {}));
        return f;
    }

    /** The nodes of one styled run; {@code style} is applied to every Text created. */
    public static List<Node> nodes(String text, double fontSize, Consumer<Text> style) {
        Text t = new Text(text == null ? "" : text);
        style.accept(t);
        return List.of(t);
    }

    /** A label showing the text with emoji; its accessible text is the plain text. */
    public static Label label(String text) {
        Label l = new Label(text == null ? "" : text);
        l.setAccessibleText(text);
        return l;
    }
}
