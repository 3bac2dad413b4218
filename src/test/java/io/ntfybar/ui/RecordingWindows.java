package io.ntfybar.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Windows} that records what was asked of it. */
public final class RecordingWindows implements Windows {
    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void showMessages(long subscriptionId, long rowId) {
        calls.add("messages " + subscriptionId + " " + rowId);
    }

    @Override
    public void showSubscribe() {
        calls.add("subscribe");
    }

    @Override
    public void showSubscriptionSettings(long subscriptionId) {
        calls.add("settings " + subscriptionId);
    }

    @Override
    public void showPublish(String topicUrl) {
        calls.add("publish " + topicUrl);
    }

    @Override
    public void showPreferences() {
        calls.add("preferences");
    }
}
