package io.ntfybar.ui.emoji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.Await;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders on the headless Monocle platform the pom's surefire configuration selects, so it runs without a display. */
class EmojiTextFxTest {
    @BeforeAll
    static void startFx() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** The most saturated pixel of {@code snapshot}, taken of {@code snapped}, where its descendant {@code part} is. */
    private static int saturation(WritableImage snapshot, Node snapped, Node part) {
        // A snapshot's pixel (0, 0) is the top left of the snapped node's bounds in its parent.
        Bounds inParent = snapped.localToParent(snapped.sceneToLocal(part.localToScene(part.getBoundsInLocal())));
        Bounds origin = snapped.getBoundsInParent();
        Bounds area = new BoundingBox(
                inParent.getMinX() - origin.getMinX(),
                inParent.getMinY() - origin.getMinY(),
                inParent.getWidth(),
                inParent.getHeight());
        PixelReader pixels = snapshot.getPixelReader();
        int best = 0;
        for (int y = (int) Math.max(0, area.getMinY()); y < Math.min(snapshot.getHeight(), area.getMaxY()); y++) {
            for (int x = (int) Math.max(0, area.getMinX()); x < Math.min(snapshot.getWidth(), area.getMaxX()); x++) {
                int argb = pixels.getArgb(x, y);
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                best = Math.max(best, Math.abs(r - g) + Math.abs(g - b));
            }
        }
        return best;
    }

    private static WritableImage snapshot(Node node) {
        StackPane root = new StackPane(node);
        root.setStyle("-fx-background-color: white");
        new Scene(root);
        root.applyCss();
        root.layout();
        return node.snapshot(null, null);
    }

    @Test
    void flowShowsEmojiAsColourImages() throws Exception {
        onFx(() -> {
            TextFlow flow = EmojiText.flow("Backup 🎉 done ⚠️");
            List<Node> children = flow.getChildren();
            assertEquals(4, children.size());
            assertEquals(
                    "Backup ", assertInstanceOf(Text.class, children.get(0)).getText());
            ImageView party = assertInstanceOf(ImageView.class, children.get(1));
            assertEquals(" done ", assertInstanceOf(Text.class, children.get(2)).getText());
            ImageView warning = assertInstanceOf(ImageView.class, children.get(3));
            assertTrue(flow.getStyleClass().contains("emoji-text"));
            assertTrue(party.getImage() == warning.getImage(), "all emoji share the one sheet");
            assertEquals(Font.getDefault().getSize(), party.getFitHeight(), 0.01);

            WritableImage snapshot = snapshot(flow);
            for (ImageView emoji : List.of(party, warning)) {
                int saturation = saturation(snapshot, flow, emoji);
                assertTrue(saturation > 100, "emoji " + emoji.getBoundsInParent() + " in colour: " + saturation);
            }
            int textSaturation = saturation(snapshot, flow, children.get(0));
            assertTrue(textSaturation < 100, "plain text is grey, saturation " + textSaturation);
            return null;
        });
    }

    @Test
    void plainTextNodeDrawsNoColourEmoji() throws Exception {
        // Why this package exists: the platform's own text rendering draws no colour for an emoji.
        onFx(() -> {
            Text text = new Text("🎉");
            text.setFont(Font.font(24));
            WritableImage snapshot = snapshot(text);
            int saturation = saturation(snapshot, text, text);
            assertFalse(saturation > 100, "a Text node drew a colour emoji, saturation " + saturation);
            return null;
        });
    }

    @Test
    void flowEmojiFollowTheFontSizeCssGives() throws Exception {
        onFx(() -> {
            TextFlow flow = EmojiText.flow("big 🎉");
            flow.setStyle("-fx-font-size: 30px");
            snapshot(flow);
            ImageView party =
                    assertInstanceOf(ImageView.class, flow.getChildren().get(1));
            assertEquals(30, ((Text) flow.getChildren().get(0)).getFont().getSize(), 0.01);
            assertEquals(30, party.getFitHeight(), 0.01);
            assertEquals(30, party.getBoundsInParent().getHeight(), 0.5);
            return null;
        });
    }

    @Test
    void nodesStyleEachTextRun() throws Exception {
        onFx(() -> {
            List<Node> nodes = EmojiText.nodes(
                    "**🚨 alert 🚨**", 20, t -> t.getStyleClass().add("bold"));
            assertEquals(5, nodes.size());
            for (Node node : nodes) {
                if (node instanceof Text text) {
                    assertTrue(text.getStyleClass().contains("bold"), text.getText());
                } else {
                    assertEquals(20, assertInstanceOf(ImageView.class, node).getFitHeight(), 0.01);
                }
            }
            return null;
        });
    }

    @Test
    void unknownEmojiStaysAsText() throws Exception {
        onFx(() -> {
            TextFlow flow = EmojiText.flow("new \uD83E\uDEFF face");
            assertEquals(1, flow.getChildren().size());
            assertEquals("new \uD83E\uDEFF face", ((Text) flow.getChildren().get(0)).getText());
            assertTrue(EmojiImages.view("\uD83E\uDEFF", 16).isEmpty());
            assertTrue(EmojiImages.view("🎉", 16).isPresent());
            return null;
        });
    }

    @Test
    void labelKeepsPlainTextForScreenReaders() throws Exception {
        onFx(() -> {
            Label label = EmojiText.label("🎉 Release 2.0");
            assertEquals("", label.getText());
            assertEquals("🎉 Release 2.0", label.getAccessibleText());
            TextFlow flow = assertInstanceOf(TextFlow.class, label.getGraphic());
            assertInstanceOf(ImageView.class, flow.getChildren().get(0));
            assertEquals("", EmojiText.label(null).getAccessibleText());
            return null;
        });
    }
}
