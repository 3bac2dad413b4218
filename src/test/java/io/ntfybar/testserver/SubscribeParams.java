package io.ntfybar.testserver;

import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import java.util.ArrayList;
import java.util.List;

/** The parameters of a subscribe or poll request and its filters (protocol sections 3.2 and 3.3). Immutable. */
record SubscribeParams(
        boolean poll,
        Since since,
        boolean scheduled,
        String id,
        String message,
        String title,
        List<Integer> priorities,
        List<String> tags) {

    static SubscribeParams parse(ParamSource p, long nowMillis) {
        boolean poll = p.boolParam(false, "x-poll", "poll", "po");
        Since since = Since.parse(p.param("x-since", "since", "si"), poll, nowMillis);
        boolean scheduled = p.boolParam(false, "x-scheduled", "scheduled", "sched");
        List<Integer> priorities = new ArrayList<>();
        String prio = p.param("x-priority", "priority", "prio", "p");
        if (!prio.isEmpty()) {
            for (String s : prio.split(",")) {
                priorities.add(Priority.parse(s)
                        .orElseThrow(() -> HttpError.PRIORITY_INVALID)
                        .level());
            }
        }
        List<String> tags = Publisher.splitTags(p.param("x-tags", "tags", "tag", "ta"));
        return new SubscribeParams(
                poll,
                since,
                scheduled,
                p.param("x-id", "id"),
                p.param("x-message", "message", "m"),
                p.param("x-title", "title", "t"),
                priorities,
                tags);
    }

    /** Filters apply to message events only; every other event passes. */
    boolean passes(Message m) {
        if (!Event.MESSAGE.wireName().equals(m.event())) {
            return true;
        }
        if (!id.isEmpty() && !id.equals(m.id())) {
            return false;
        }
        if (!message.isEmpty() && !message.equals(m.message())) {
            return false;
        }
        if (!title.isEmpty() && !title.equals(m.title())) {
            return false;
        }
        if (!priorities.isEmpty() && !priorities.contains(m.priority())) {
            return false; // Message stores an absent priority as 3, which is what ntfy matches it as
        }
        return m.tags().containsAll(tags);
    }
}
