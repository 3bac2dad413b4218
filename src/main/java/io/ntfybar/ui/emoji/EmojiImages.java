package io.ntfybar.ui.emoji;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleExpression;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * The bundled emoji sprite sheet as one shared {@link Image}, and image views onto its cells. Every emoji view
 * shares that image, so the sheet is decoded and uploaded to the GPU once, whatever the number of messages.
 *
 * <p>Threading: the sheet loads lazily on first use and exactly once, from any thread; views must be built and used
 * on the FX thread like any node.
 */
public final class EmojiImages {
    private static final String RESOURCE = "sheet.png";
    // The image's bottom sits on the text baseline; nudging it down by about a descent centres it on the line.
    private static final double BASELINE_DROP = 0.2;

    private EmojiImages() {}

    private static final class Sheet {
        static final Image IMAGE = load();

        private static Image load() {
            try (InputStream in = EmojiImages.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("emoji sheet " + RESOURCE + " is missing from the classpath");
                }
                Image image = new Image(in);
                if (image.isError()) {
                    throw new IllegalStateException(
                            "emoji sheet " + RESOURCE + " cannot be decoded", image.getException());
                }
                return image;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read emoji sheet " + RESOURCE, e);
            }
        }
    }

    /** The whole sprite sheet (shared; do not modify). */
    public static Image sheet() {
        return Sheet.IMAGE;
    }

    /**
     * A view of {@code emoji} (one emoji, with or without U+FE0F) about {@code fontSize} high, or empty when the sheet
     * has no image for exactly that sequence.
     */
    public static Optional<ImageView> view(String emoji, double fontSize) {
        var runs = EmojiSegmenter.bundled().split(emoji);
        if (runs.size() != 1 || !runs.get(0).emoji()) {
            return Optional.empty();
        }
        return Optional.of(view(runs.get(0).cell(), fontSize));
    }

    /** A view of one cell of the sheet, {@code fontSize} high, smoothly scaled. */
    public static ImageView view(EmojiIndex.Cell cell, double fontSize) {
        EmojiIndex index = EmojiIndex.bundled();
        ImageView view = new ImageView(sheet());
        view.setViewport(new Rectangle2D(index.x(cell), index.y(cell), index.cellSize(), index.cellSize()));
        view.setFitHeight(fontSize);
        view.setFitWidth(fontSize);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setTranslateY(Math.round(fontSize * BASELINE_DROP));
        view.getStyleClass().add("emoji");
        return view;
    }

    /** Keeps {@code view} (from {@link #view(EmojiIndex.Cell, double)}) as high as {@code fontSize}, as it changes. */
    public static void follow(ImageView view, DoubleExpression fontSize) {
        view.fitHeightProperty().bind(fontSize);
        view.fitWidthProperty().bind(fontSize);
        view.translateYProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> (double) Math.round(fontSize.get() * BASELINE_DROP), fontSize));
    }
}
