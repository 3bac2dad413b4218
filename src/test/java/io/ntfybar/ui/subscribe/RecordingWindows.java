package io.ntfybar.ui.subscribe;

import io.ntfybar.ui.Windows;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The other windows, for flow tests: records what was asked to open. */
final class RecordingWindows implements Windows {
    final List<String> opened = new CopyOnWriteArrayList<>();

    @Override
    public void showMessages(long subscriptionId, long rowId) {
        opened.add("messages " + subscriptionId + " " + rowId);
    }

    @Override
    public void showSubscribe() {
        opened.add("subscribe");
    }

    @Override
    public void showSubscriptionSettings(long subscriptionId) {
        opened.add("settings " + subscriptionId);
    }

    @Override
    public void showPublish(String topicUrl) {
        opened.add("publish " + topicUrl);
    }

    @Override
    public void showPreferences() {
        opened.add("preferences");
    }
}
