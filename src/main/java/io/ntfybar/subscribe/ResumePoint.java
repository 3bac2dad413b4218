package io.ntfybar.subscribe;

import io.ntfybar.model.Subscription;
import io.ntfybar.store.H2MessageStore;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where a stream or poll of some subscriptions resumes. Not {@code since=<last id>}: ntfy answers an id by row order,
 * so a scheduled message delivered while away, or one that arrived out of order, would never come again. Instead the
 * {@code time} of the newest stored message minus a margin, with the store dropping what it already has.
 */
public final class ResumePoint {
    private ResumePoint() {}

    /**
     * @return a unix time; {@code all} when nothing is stored but the history was fetched (so everything still cached
     *     arrived later); null (live only) before the first fetch
     */
    public static String since(H2MessageStore store, List<Subscription> subs, Duration margin) {
        OptionalLong latest =
                store.latestTime(subs.stream().map(Subscription::id).toList());
        if (latest.isPresent()) {
            return Long.toString(Math.max(0, latest.getAsLong() - margin.toSeconds()));
        }
        return subs.stream().allMatch(Subscription::initialFetchDone) ? "all" : null;
    }
}
