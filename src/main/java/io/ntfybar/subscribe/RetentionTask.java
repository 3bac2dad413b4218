package io.ntfybar.subscribe;

import io.ntfybar.model.Subscription;
import io.ntfybar.settings.Retention;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.SubscriptionStore;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes old history by the global retention and each subscription's own. Runs on the engine's timer, in the
 * background; the store serialises it with the writer.
 */
final class RetentionTask {
    private static final Logger log = LoggerFactory.getLogger(RetentionTask.class);
    private static final long DAY = Duration.ofDays(1).toSeconds();

    private RetentionTask() {}

    /** @return how many messages were deleted or hidden */
    static int runOnce(
            SubscriptionStore subscriptions,
            H2MessageStore messages,
            Retention global,
            Duration resumeMargin,
            long nowEpochSeconds) {
        int total = 0;
        for (Subscription s : subscriptions.all()) {
            long maxAge =
                    switch ((int) Math.signum(s.autoDeleteSeconds())) {
                        case 0 -> global.keepDays() * DAY;
                        case 1 -> s.autoDeleteSeconds();
                        default -> 0; // this subscription keeps everything
                    };
            int keep = s.keepMessages() == 0 ? global.keepMessages() : Math.max(0, s.keepMessages());
            long cutoff = maxAge > 0 ? nowEpochSeconds - maxAge : 0;
            try {
                // Twice the margin: what a resumed stream may bring back must stay known, if hidden.
                total += messages.applyRetention(s.id(), cutoff, keep, 2 * resumeMargin.toSeconds());
            } catch (RuntimeException e) {
                log.warn("Retention for {}/{} failed; trying again later: {}", s.baseUrl(), s.topic(), e.getMessage());
            }
        }
        if (total > 0) {
            log.info("Retention removed {} old message(s)", total);
        }
        return total;
    }
}
