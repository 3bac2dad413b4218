package io.ntfybar.ui.emoji;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;

/**
 * A window of sample lines, to look at the emoji on a real display (docs/screenshots/emoji-linux.png). Run it as
 * described in docs/decisions/0010-emoji-images.md.
 */
public final class EmojiDemo {
    private EmojiDemo() {}

    public static void main(String[] args) {
        // The launcher refuses a main class that extends Application when JavaFX is on the classpath, not the module
        // path.
        Application.launch(Window.class, args);
    }

    /** The demo window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            VBox lines = new VBox(8);
            lines.setPadding(new Insets(16));
            lines.getChildren().add(EmojiText.flow("🚨 Disk full on backup-01"));
            lines.getChildren().add(EmojiText.flow("🎉 Release 2.0 🇩🇪 👩‍💻 1️⃣ ⚠️"));
            lines.getChildren().add(EmojiText.flow("Plain text: nightly job finished in 4 min 12 s"));
            lines.getChildren().add(EmojiText.label("Label: 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 ⚠ ❤️ © 2026"));
            Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 20);
            TextFlow boldRun = new TextFlow();
            boldRun.getChildren().setAll(EmojiText.nodes("Bold run at 20 px: 🔥 build 🚀", 20, t -> t.setFont(bold)));
            lines.getChildren().add(boldRun);
            Text raw = new Text("Without ntfybar's emoji (a plain Text): 🚨 🎉 ⚠️");
            lines.getChildren().add(raw);
            stage.setTitle("ntfybar emoji");
            stage.setScene(new Scene(lines, 560, 260));
            stage.show();
        }
    }
}
