package io.ntfybar.ui.emoji;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Text with colour emoji for any window: JavaFX on Linux cannot draw colour emoji fonts, so each emoji the bundled
 * sheet knows becomes an image between {@link Text} nodes. Emoji without an image stay as text, never dropped.
 *
 * <p>Threading: build and use the nodes on the FX thread. The segmenting behind them ({@link EmojiSegmenter}, {@link
 * EmojiIndex}) is safe from any thread.
 */
public final class EmojiText {
    /** Style class of the flows this class builds. */
    public static final String STYLE_CLASS = "emoji-text";

    private EmojiText() {}

    /**
     * A flow of {@code text}, emoji as images; style class {@value #STYLE_CLASS}. The emoji follow the font size of
     * the flow's text, so CSS such as {@code -fx-font-size} on the flow or an ancestor resizes them too; a flow of
     * emoji alone keeps the default font size.
     */
    public static TextFlow flow(String text) {
        List<Node> nodes = nodes(text, Font.getDefault().getSize(), t -> {});
        nodes.stream()
                .filter(Text.class::isInstance)
                .map(Text.class::cast)
                .findFirst()
                .ifPresent(first -> {
                    DoubleBinding size =
                            Bindings.createDoubleBinding(() -> first.getFont().getSize(), first.fontProperty());
                    nodes.stream()
                            .filter(ImageView.class::isInstance)
                            .forEach(view -> EmojiImages.follow((ImageView) view, size));
                });
        TextFlow flow = new TextFlow();
        flow.getChildren().setAll(nodes);
        flow.getStyleClass().add(STYLE_CLASS);
        return flow;
    }

    /**
     * The nodes of one styled run: a {@link Text} for each plain part, passed to {@code style}, and an image view
     * {@code fontSize} high for each emoji. For a caller that builds its own flow from several runs (bold, code...).
     */
    public static List<Node> nodes(String text, double fontSize, Consumer<Text> style) {
        List<Node> nodes = new ArrayList<>();
        for (EmojiSegmenter.Run run : EmojiSegmenter.bundled().split(text)) {
            if (run.emoji()) {
                nodes.add(EmojiImages.view(run.cell(), fontSize));
            } else {
                Text plain = new Text(run.text());
                style.accept(plain);
                nodes.add(plain);
            }
        }
        return nodes;
    }

    /**
     * A label that shows {@link #flow(String)} as its graphic, for list cells and the sidebar. Its own text is empty;
     * its accessible text is {@code text}, so screen readers still read the emoji as text.
     */
    public static Label label(String text) {
        String plain = text == null ? "" : text;
        Label label = new Label();
        TextFlow flow = flow(plain);
        // The text is drawn by Text nodes, which do not take a label's -fx-text-fill: their colour follows the label's,
        // so that a theme's or a style class's colour applies (dark theme, muted or error lines).
        for (Node n : flow.getChildren()) {
            if (n instanceof Text t) {
                t.fillProperty().bind(label.textFillProperty());
            }
        }
        label.setGraphic(flow);
        label.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        label.setAccessibleText(plain);
        label.getStyleClass().add(STYLE_CLASS);
        return label;
    }
}
