package io.ntfybar.ui.markdown;

import io.ntfybar.ui.UiText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown (ntfy's {@code text/markdown} messages) as JavaFX nodes, walked from the commonmark syntax tree: paragraphs,
 * headings, emphasis, inline code and code blocks ({@code .code}), lists, block quotes, thematic breaks and links.
 * Never HTML: HTML blocks and inline HTML stay the literal text they are, and nothing is loaded: an image shows its
 * alt text and a link to it. Links open only through {@link Links}, and only what {@link Links#refusal} allows.
 *
 * <p>Build on the FX thread. Add {@link #stylesheet()} to the scene for the styles.
 */
public final class MarkdownView {
    /** The font size the body text is built for (the emoji images follow it). */
    public static final double FONT_SIZE = 13;

    private static final Parser PARSER = Parser.builder().build();
    private static final UiText TEXT = UiText.of(MarkdownView.class);

    private final Links links;

    private MarkdownView(Links links) {
        this.links = links;
    }

    /** The rendered markdown: a box of block nodes, style class {@code markdown}. */
    public static VBox render(String markdown, Links links) {
        return render(parse(markdown), links);
    }

    /** The syntax tree of {@code markdown}; any thread (parse off the FX thread, render on it). */
    public static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }

    /** Renders a tree from {@link #parse}; the tree is only read. */
    public static VBox render(Node document, Links links) {
        VBox box = new VBox(6);
        box.getStyleClass().add("markdown");
        box.getChildren().addAll(new MarkdownView(links).blocks(document));
        return box;
    }

    /** Plain text with clickable URLs, styled like a markdown paragraph; for messages that are not markdown. */
    public static TextFlow plain(String text, Links links) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-paragraph");
        flow.getChildren()
                .addAll(LinkNodes.linkified(
                        text, FONT_SIZE, t -> t.getStyleClass().add("md-text"), links));
        return flow;
    }

    public static String stylesheet() {
        return MarkdownView.class.getResource("markdown.css").toExternalForm();
    }

    private List<javafx.scene.Node> blocks(Node parent) {
        List<javafx.scene.Node> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            javafx.scene.Node block = block(n);
            if (block != null) {
                out.add(block);
            }
        }
        return out;
    }

    private javafx.scene.Node block(Node n) {
        if (n instanceof Paragraph) {
            return flow(n, "md-paragraph", Set.of());
        } else if (n instanceof Heading h) {
            return flow(n, "md-h" + Math.min(h.getLevel(), 6), Set.of("md-heading"));
        } else if (n instanceof ListBlock list) {
            return list(list);
        } else if (n instanceof BlockQuote) {
            VBox quote = new VBox(4);
            quote.getStyleClass().add("md-quote");
            quote.getChildren().addAll(blocks(n));
            return quote;
        } else if (n instanceof FencedCodeBlock code) {
            return codeBlock(code.getLiteral());
        } else if (n instanceof IndentedCodeBlock code) {
            return codeBlock(code.getLiteral());
        } else if (n instanceof HtmlBlock html) {
            return literal(html.getLiteral(), "md-paragraph");
        } else if (n instanceof ThematicBreak) {
            return new Separator();
        }
        // anything else (a link reference definition, an extension's block): its content, if any
        List<javafx.scene.Node> inner = blocks(n);
        if (inner.isEmpty()) {
            return null;
        }
        VBox box = new VBox(4);
        box.getChildren().addAll(inner);
        return box;
    }

    private VBox list(ListBlock list) {
        VBox box = new VBox(2);
        box.getStyleClass().add("md-list");
        int number = list instanceof OrderedList o ? o.getStartNumber() : 0;
        char delimiter = list instanceof OrderedList o ? o.getDelimiter() : '.';
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String mark = list instanceof BulletList ? TEXT.get("list.bullet") : (number++) + String.valueOf(delimiter);
            Label marker = new Label(mark);
            marker.getStyleClass().add("md-list-marker");
            marker.setMinWidth(Label.USE_PREF_SIZE);
            VBox content = new VBox(2);
            content.getChildren().addAll(blocks(item));
            HBox row = new HBox(6, marker, content);
            row.getStyleClass().add("md-list-item");
            box.getChildren().add(row);
        }
        return box;
    }

    private javafx.scene.Node codeBlock(String literal) {
        String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        TextFlow flow = literal(code, "code-block");
        flow.getChildren().forEach(t -> t.getStyleClass().add("code"));
        return flow;
    }

    private static TextFlow literal(String text, String styleClass) {
        Text t = new Text(text);
        t.getStyleClass().add("md-text");
        TextFlow flow = new TextFlow(t);
        flow.getStyleClass().add(styleClass);
        return flow;
    }

    private TextFlow flow(Node n, String styleClass, Set<String> styles) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        inlines(n, styles, flow.getChildren());
        return flow;
    }

    private void inlines(Node parent, Set<String> styles, List<javafx.scene.Node> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n, styles, out);
        }
    }

    private void inline(Node n, Set<String> styles, List<javafx.scene.Node> out) {
        if (n instanceof org.commonmark.node.Text t) {
            out.addAll(LinkNodes.linkified(t.getLiteral(), FONT_SIZE, styled(styles), links));
        } else if (n instanceof Code code) {
            out.add(text(code.getLiteral(), with(styles, "code")));
        } else if (n instanceof Emphasis) {
            inlines(n, with(styles, "md-emphasis"), out);
        } else if (n instanceof StrongEmphasis) {
            inlines(n, with(styles, "md-strong"), out);
        } else if (n instanceof Link link) {
            String label = plainText(link);
            out.add(LinkNodes.link(label, link.getDestination(), links));
        } else if (n instanceof Image image) {
            String alt = plainText(image);
            out.add(text(
                    alt.isBlank() ? TEXT.get("image.noalt") + " " : TEXT.get("image.alt", alt) + " ",
                    with(styles, "md-image-alt")));
            out.add(LinkNodes.link(image.getDestination(), image.getDestination(), links));
        } else if (n instanceof SoftLineBreak) {
            out.add(text(" ", styles));
        } else if (n instanceof HardLineBreak) {
            out.add(text("\n", styles));
        } else if (n instanceof HtmlInline html) {
            out.add(text(html.getLiteral(), styles));
        } else {
            inlines(n, styles, out);
        }
    }

    private static Text text(String s, Set<String> styles) {
        Text t = new Text(s);
        styled(styles).accept(t);
        return t;
    }

    private static java.util.function.Consumer<Text> styled(Set<String> styles) {
        return t -> {
            t.getStyleClass().add("md-text");
            t.getStyleClass().addAll(styles);
        };
    }

    private static Set<String> with(Set<String> styles, String added) {
        Set<String> s = new HashSet<>(styles);
        s.add(added);
        return s;
    }

    /** The text inside a link or image (its label or alt text), without marks. */
    static String plainText(Node parent) {
        StringBuilder b = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                b.append(t.getLiteral());
            } else if (n instanceof Code c) {
                b.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                b.append(' ');
            } else {
                b.append(plainText(n));
            }
        }
        return b.toString();
    }
}
