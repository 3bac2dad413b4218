package io.ntfybar.ui.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.ui.FxTests;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commonmark tree walked into JavaFX nodes: what each construct becomes, and what never happens (HTML, fetches). */
class MarkdownViewTest {
    private final List<String> opened = new ArrayList<>();

    @BeforeAll
    static void toolkit() {
        FxTests.startToolkit();
    }

    private VBox render(String md) {
        return FxTests.onFx(() -> MarkdownView.render(md, opened::add));
    }

    /** Every node in document order, as "Type[style classes]:text". */
    private static List<String> walk(Node n) {
        List<String> out = new ArrayList<>();
        walk(n, out);
        return out;
    }

    private static void walk(Node n, List<String> out) {
        String classes = String.join(" ", n.getStyleClass());
        if (n instanceof Text t) {
            out.add("Text[" + classes + "]:" + t.getText());
        } else if (n instanceof Hyperlink h) {
            out.add("Link:" + h.getText() + "->" + h.getTooltip().getText());
            return;
        } else if (n instanceof Label l) {
            out.add("Label:" + l.getText());
            return;
        } else {
            out.add(n.getClass().getSimpleName() + "[" + classes + "]");
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, out));
        }
    }

    private static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(root, type, out);
        return out;
    }

    private static <T extends Node> void collect(Node n, Class<T> type, List<T> out) {
        if (type.isInstance(n)) {
            out.add(type.cast(n));
        }
        if (n instanceof Parent p && !(n instanceof Hyperlink) && !(n instanceof Label)) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, type, out));
        }
    }

    @Test
    void paragraphsHeadingsEmphasisAndCodeBecomeStyledText() {
        List<String> nodes =
                walk(render("# Disk *full*\n\nThe **backup** of `/srv` failed.\n\n```\nrsync: error 30\n```"));
        assertEquals(
                List.of(
                        "VBox[markdown]",
                        "TextFlow[md-h1]",
                        "Text[md-text md-heading]:Disk ",
                        "Text[md-text md-heading md-emphasis]:full",
                        "TextFlow[md-paragraph]",
                        "Text[md-text]:The ",
                        "Text[md-text md-strong]:backup",
                        "Text[md-text]: of ",
                        "Text[md-text code]:/srv",
                        "Text[md-text]: failed.",
                        "TextFlow[code-block]",
                        "Text[md-text code]:rsync: error 30"),
                nodes.stream()
                        .map(s -> s.replace("md-emphasis md-heading", "md-heading md-emphasis"))
                        .toList());
    }

    @Test
    void listsQuotesAndRulesKeepTheirStructure() {
        VBox box = render("- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n---");
        List<String> nodes = walk(box);
        assertTrue(nodes.contains("VBox[md-list]"), nodes.toString());
        assertEquals(
                List.of("Label:\u2022", "Label:\u2022", "Label:3.", "Label:4."),
                nodes.stream().filter(s -> s.startsWith("Label:")).toList());
        assertTrue(nodes.containsAll(
                List.of("Text[md-text]:one", "Text[md-text]:four", "VBox[md-quote]", "Text[md-text]:quoted")));
        assertEquals(1, all(box, Separator.class).size());
    }

    @Test
    void htmlStaysLiteralText() {
        VBox box = render("<script>alert('x')</script>\n\nhello <b>bold</b> <img src=x onerror=alert(1)>");
        List<String> texts = all(box, Text.class).stream().map(Text::getText).toList();
        assertTrue(texts.contains("<script>alert('x')</script>"), texts.toString());
        assertEquals("hello <b>bold</b> <img src=x onerror=alert(1)>", String.join("", texts.subList(1, texts.size())));
        assertTrue(
                all(box, Text.class).stream().noneMatch(t -> t.getStyleClass().contains("md-strong")));
    }

    @Test
    void linksOpenOnlyThroughTheHandlerAndAJavascriptLinkIsNotOpened() {
        VBox box =
                render("[status](https://status.example.com) and [evil](javascript:alert(1)) and https://a.example/x.");
        List<Hyperlink> links = all(box, Hyperlink.class);
        assertEquals(3, links.size());
        assertEquals("https://status.example.com", links.get(0).getTooltip().getText());
        assertEquals("https://a.example/x", links.get(2).getText(), "the sentence's full stop is not part of it");
        FxTests.onFx(() -> links.forEach(Hyperlink::fire));
        assertEquals(List.of("https://status.example.com", "https://a.example/x"), opened);
        assertTrue(links.get(1).getStyleClass().contains("md-link-refused"));
        assertTrue(
                links.get(1).getTooltip().getText().startsWith("Not opened: "),
                links.get(1).getTooltip().getText());
    }

    @Test
    void imagesAreTheirAltTextAndALinkNeverFetched() {
        VBox box = render("![the cat](https://img.example/cat.png)");
        assertTrue(all(box, ImageView.class).isEmpty());
        List<String> nodes = walk(box);
        assertTrue(nodes.contains("Text[md-text md-image-alt]:Image: the cat "), nodes.toString());
        assertTrue(nodes.contains("Link:https://img.example/cat.png->https://img.example/cat.png"), nodes.toString());
        assertTrue(opened.isEmpty());
    }

    @Test
    void plainTextKeepsItsMarksAndLinksBareUrls() {
        TextFlow flow = FxTests.onFx(() -> MarkdownView.plain("**not bold** see http://x.example/a?b=1", opened::add));
        List<String> nodes = walk(flow);
        assertEquals(
                List.of(
                        "TextFlow[md-paragraph]",
                        "Text[md-text]:**not bold** see ",
                        "Link:http://x.example/a?b=1->http://x.example/a?b=1"),
                nodes);
        assertFalse(nodes.stream().anyMatch(s -> s.contains("md-strong")));
    }
}
