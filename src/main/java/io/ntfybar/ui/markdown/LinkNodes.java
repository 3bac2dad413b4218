package io.ntfybar.ui.markdown;

import io.ntfybar.ui.UiText;
import io.ntfybar.ui.emoji.EmojiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Links as nodes: a {@link Hyperlink} that shows its URL as a tooltip and opens only what {@link Links#refusal}
 * allows (a refused link shows the reason instead and does nothing), and plain text whose bare URLs become such
 * links. Build on the FX thread.
 */
public final class LinkNodes {
    /** Bare http(s) URLs and mailto: addresses in plain text; trailing punctuation is not part of the link. */
    private static final Pattern URL =
            Pattern.compile("\\b(?:https?://|mailto:)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]}'’]", Pattern.CASE_INSENSITIVE);

    private static final UiText TEXT = UiText.of(LinkNodes.class);

    private LinkNodes() {}

    /** A link labelled {@code label} (the URL when blank) to {@code url}. */
    public static Hyperlink link(String label, String url, Links links) {
        String shown = label == null || label.isBlank() ? url : label;
        Hyperlink h = new Hyperlink(shown);
        h.getStyleClass().add("md-link");
        h.setFocusTraversable(true);
        Optional<String> refused = Links.refusal(url);
        if (refused.isPresent()) {
            h.getStyleClass().add("md-link-refused");
            h.setTooltip(new Tooltip(TEXT.get("link.refused", url, refused.get())));
            h.setAccessibleText(TEXT.get("link.refused.accessible", shown, refused.get()));
            h.setOnAction(e -> h.setVisited(false));
        } else {
            h.setTooltip(new Tooltip(url));
            h.setAccessibleText(TEXT.get("link.accessible", shown, url));
            h.setOnAction(e -> {
                h.setVisited(false);
                links.open(url);
            });
        }
        return h;
    }

    /** Text with emoji, its bare URLs as links; {@code style} applies to every Text created. */
    public static List<Node> linkified(String text, double fontSize, Consumer<Text> style, Links links) {
        List<Node> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.addAll(EmojiText.nodes(text.substring(at, m.start()), fontSize, style));
            }
            out.add(link(m.group(), m.group(), links));
            at = m.end();
        }
        if (at < text.length()) {
            out.addAll(EmojiText.nodes(text.substring(at), fontSize, style));
        }
        return out;
    }
}
