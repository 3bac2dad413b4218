package io.ntfybar.actions;

/**
 * The system clipboard, for ntfy's {@code copy} action (the action's {@code value} is put on the clipboard when the
 * user clicks the button). The desktop implementation (AWT or JavaFX) lives outside this package, which runs headless.
 */
public interface Clipboard {
    /** Replaces the clipboard's content with {@code text}. Called on the user's click only. */
    void setText(String text);
}
