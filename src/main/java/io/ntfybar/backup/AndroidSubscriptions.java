package io.ntfybar.backup;

import static io.ntfybar.backup.JsonFields.array;
import static io.ntfybar.backup.JsonFields.bool;
import static io.ntfybar.backup.JsonFields.integral;
import static io.ntfybar.backup.JsonFields.nonBlank;

import com.fasterxml.jackson.databind.JsonNode;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.TopicName;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.store.StoreUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code subscriptions} and {@code notifications} of an Android backup into the store. Each subscription goes
 * in whole: it is added, then its messages are stored in one transaction, and a subscription this import added is
 * removed again when its messages cannot be stored. Merge rules: a subscription ntfybar already has keeps its own
 * settings and gains the messages it lacks (messages are matched by id); a message already stored is left as it is.
 * Imported messages raise no notification and count as read, as on Android after a restore. One thread.
 */
final class AndroidSubscriptions {
    private static final int MAX_ICON_URL = 2048;

    private record Planned(String what, Subscription subscription, boolean isNew) {}

    private final LocalState state;
    private final ImportReport report;

    AndroidSubscriptions(LocalState state, ImportReport report) {
        this.state = state;
        this.report = report;
    }

    void read(JsonNode subscriptions, JsonNode notifications, JsonNode extension) {
        Map<Long, JsonNode> extras = new HashMap<>();
        JsonNode ext = array(extension, "subscriptions");
        if (ext != null) {
            ext.forEach(e -> {
                Long id = integral(e, "id");
                if (id != null) {
                    extras.put(id, e);
                }
            });
        }
        List<Planned> plan = new ArrayList<>();
        Map<Long, Planned> byId = new HashMap<>();
        if (subscriptions != null) {
            Set<String> seen = new HashSet<>();
            int i = 0;
            for (JsonNode s : subscriptions) {
                plan(++i, s, extras, seen, plan, byId);
            }
        }
        Map<Planned, List<JsonNode>> messages = new HashMap<>();
        int orphans = 0;
        if (notifications != null) {
            for (JsonNode n : notifications) {
                Planned p = n.isObject() ? byId.get(integral(n, "subscriptionId")) : null;
                if (p != null) {
                    messages.computeIfAbsent(p, k -> new ArrayList<>()).add(n);
                } else {
                    orphans++;
                }
            }
        }
        report.skipMessages("their subscription is not in the file, or was skipped", orphans);
        plan.forEach(p -> apply(p, messages.getOrDefault(p, List.of())));
    }

    private void plan(
            int index,
            JsonNode s,
            Map<Long, JsonNode> extras,
            Set<String> seen,
            List<Planned> plan,
            Map<Long, Planned> byId) {
        String what = "subscription " + index;
        if (!s.isObject()) {
            report.skip(what, "not a JSON object");
            return;
        }
        String topic = nonBlank(s, "topic");
        String base = nonBlank(s, "baseUrl");
        if (topic != null && base != null) {
            what = "subscription " + base.replaceFirst("^https?://", "") + "/" + topic;
        }
        String app = nonBlank(s, "upAppId");
        if (app != null) {
            report.skip(what, "a UnifiedPush subscription of the Android app " + app + "; it has no use on a desktop");
            return;
        }
        if (topic == null || base == null) {
            report.skip(what, topic == null ? "it has no topic" : "it has no server (baseUrl)");
            return;
        }
        TopicUrl url;
        try {
            url = new TopicUrl(ServerUrl.of(base), TopicName.validate(topic));
        } catch (RuntimeException e) {
            report.skip(what, e.getMessage());
            return;
        }
        what = "subscription " + url.shortUrl();
        Long id = integral(s, "id");
        if (!seen.add(url.toString()) || (id != null && byId.containsKey(id))) {
            report.skip(what, "it appears twice in the file; the first one was imported");
            return;
        }
        notes(s);
        var existing = state.subscriptions().find(url.server().value(), url.topic());
        if (existing.isPresent()) {
            report.note(what + " was already subscribed: it keeps its own settings; missing messages were added.");
        }
        Subscription sub = existing.orElseGet(() -> fromAndroid(url, s, extras.get(id)));
        Planned p = new Planned(what, sub, existing.isEmpty());
        plan.add(p);
        if (id != null) { // without an id no message can name this subscription; it is still imported
            byId.put(id, p);
        }
    }

    private Subscription fromAndroid(TopicUrl url, JsonNode s, JsonNode extra) {
        Long min = integral(s, "minPriority");
        int minPriority = min != null && min >= 0 && min <= 5 ? min.intValue() : 0;
        Long muted = integral(s, "mutedUntil");
        Long delete = integral(s, "autoDelete");
        Long keep = extra == null ? null : integral(extra, "keepMessages");
        String iconUrl = extra == null ? null : nonBlank(extra, "iconUrl");
        String icon = nonBlank(s, "icon");
        if (iconUrl == null && icon != null && icon.matches("(?i)https?://.*")) {
            iconUrl = icon;
        } else if (icon != null && iconUrl == null) {
            report.note("Subscription icons chosen on the phone are image files there ("
                    + icon.replaceAll("/[^/]*$", "/…") + "); they were not imported.");
        }
        return new Subscription(
                0,
                url.server().value(),
                url.topic(),
                nonBlank(s, "displayName"),
                iconUrl != null && iconUrl.length() <= MAX_ICON_URL ? iconUrl : null,
                minPriority,
                muted == null ? 0 : AndroidValues.muteFromAndroid(muted),
                delete == null ? 0 : AndroidValues.autoDeleteFromAndroid(delete),
                keep == null ? 0 : (int) Math.max(Subscription.NO_LIMIT, Math.min(Integer.MAX_VALUE, keep)),
                false);
    }

    /** What Android keeps per subscription that ntfybar does differently: said once per import. */
    private void notes(JsonNode s) {
        if (Boolean.FALSE.equals(bool(s, "instant"))) {
            report.note("ntfybar always delivers instantly (one connection per server), so \"instant delivery\" is"
                    + " on for every subscription.");
        }
        if (nonBlank(s, "lastNotificationId") != null) {
            report.note("ntfybar resumes each subscription after its newest stored message and fetches the server's"
                    + " cached messages once without notifications, so lastNotificationId is not needed.");
        }
        Long insistent = integral(s, "insistent");
        if (insistent != null && insistent == 1) {
            report.note("\"Keep alerting\" for priority 5 is one setting for all subscriptions in ntfybar"
                    + " (Preferences); it was not set per subscription.");
        }
        if (Boolean.TRUE.equals(bool(s, "dedicatedChannels"))) {
            report.note("Notification channels per subscription are Android's; ntfybar sets sounds per priority in"
                    + " Preferences.");
        }
    }

    private void apply(Planned p, List<JsonNode> nodes) {
        Subscription sub = p.subscription();
        if (p.isNew()) {
            try {
                sub = state.subscriptions().add(sub);
            } catch (RuntimeException e) {
                report.skip(p.what(), e.getMessage());
                report.skipMessages("their subscription could not be added", nodes.size());
                return;
            }
        }
        List<Message> messages = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Map<String, Integer> partial = new LinkedHashMap<>();
        for (JsonNode n : nodes) {
            AndroidMessages.Read r = AndroidMessages.read(n, sub.topic());
            if (r.message() == null) {
                skipped.merge(r.skipped(), 1, Integer::sum);
                continue;
            }
            messages.add(r.message());
            if (r.partial() != null) {
                partial.merge(r.partial(), 1, Integer::sum);
            }
        }
        List<Long> added = new ArrayList<>();
        try {
            for (StoreUpdate u : state.messages().store(sub.id(), messages, false)) {
                if (u instanceof StoreUpdate.Added a) {
                    added.add(a.stored().rowId());
                }
            }
        } catch (RuntimeException e) {
            if (p.isNew()) {
                state.subscriptions().remove(sub.id());
                report.skip(
                        p.what(),
                        "its messages could not be stored (" + e.getMessage() + "); nothing of it was" + " imported");
            } else {
                report.skipMessages("they could not be stored (" + e.getMessage() + ")", messages.size());
            }
            return;
        }
        if (!added.isEmpty()) {
            state.messages().setRead(added, true);
        }
        if (p.isNew()) {
            report.addSubscription();
        }
        report.addMessages(added.size());
        skipped.forEach(report::skipMessages);
        partial.forEach(report::partialMessages);
        report.skipMessages("already stored, or older revisions of an updated message", messages.size() - added.size());
    }
}
