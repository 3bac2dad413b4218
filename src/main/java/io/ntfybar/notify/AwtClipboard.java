package io.ntfybar.notify;

import io.ntfybar.actions.Clipboard;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;

/** The system clipboard through AWT, for the copy action. Throws when there is none (a headless machine). */
public final class AwtClipboard implements Clipboard {
    @Override
    public void setText(String text) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("there is no display, so no clipboard");
        }
        StringSelection s = new StringSelection(text);
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(s, s);
    }
}
