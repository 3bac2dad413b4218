package io.ntfybar.subscribe;

import io.ntfybar.model.Subscription;
import io.ntfybar.store.H2MessageStore;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where a stream or poll of some subscriptions resumes. Not {@code since=<last id>}: ntfy answers an id by row order,
 * so a scheduled message delivered while away, or one that arrived out of order, would never come again. Instead the
 * subscriptions' stored resume time minus a margin, with the store dropping what it already has. The resume time is
 * the newest stored message's {@code time} capped by the server's clock when it arrived, so that a message dated in
 * the future cannot make a restart skip what was published meanwhile. It comes from the store because {@code since}
 * is sent before the new stream's {@code open} event tells the server's time.
 */
public final class ResumePoint {
    private ResumePoint() {}

    /**
     * @return a unix time; {@code all} when nothing is stored but the history was fetched (so everything still cached
     *     arrived later); null (live only) before the first fetch
     */
    public static String since(H2MessageStore store, List<Subscription> subs, Duration margin) {
        OptionalLong latest =
                store.resumeTime(subs.stream().map(Subscription::id).toList());
        if (latest.isPresent()) {
            return Long.toString(Math.max(0, latest.getAsLong() - margin.toSeconds()));
        }
        return subs.stream().allMatch(Subscription::initialFetchDone) ? "all" : null;
    }
}
