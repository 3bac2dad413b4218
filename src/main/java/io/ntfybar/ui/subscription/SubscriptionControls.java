package io.ntfybar.ui.subscription;

import io.ntfybar.ui.UiText;
import io.ntfybar.ui.fx.Controls;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The controls the subscription settings window and its server trust pane build alike, with this package's texts. */
final class SubscriptionControls {
    private static final UiText TEXT = UiText.of(SubscriptionControls.class);

    private SubscriptionControls() {}

    static TextField field(String id, String promptKey, String accessibleKey) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(TEXT.get(promptKey));
        f.setAccessibleText(TEXT.get(accessibleKey));
        return f;
    }

    static Button button(String id, String key, String accessibleKey) {
        Button b = new Button(TEXT.get(key));
        b.setId(id);
        b.setAccessibleText(TEXT.get(accessibleKey));
        return b;
    }

    static Label label(String key) {
        return label(key, null);
    }

    static Label label(String key, Node target) {
        return Controls.fieldLabel(TEXT.get(key), target);
    }
}
