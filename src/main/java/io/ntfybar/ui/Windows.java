package io.ntfybar.ui;

/**
 * Opens the app's windows. Callable from any thread (the tray's AWT event thread, a notification callback): the
 * implementation starts JavaFX on first use, hops onto its thread, shows the window and brings it to the front.
 * Never waits for JavaFX.
 */
public interface Windows {
    /** Messages, at this subscription (0: as it was) and scrolled to this message (0: none). */
    void showMessages(long subscriptionId, long rowId);

    void showSubscribe();

    void showSubscriptionSettings(long subscriptionId);

    /** Publish, with this topic URL filled in (null: the last one used). */
    void showPublish(String topicUrl);

    void showPreferences();
}
