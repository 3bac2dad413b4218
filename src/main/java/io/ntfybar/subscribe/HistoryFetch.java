package io.ntfybar.subscribe;

import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.store.SubscriptionStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A new subscription's first poll of the server's cache, stored as history that raises no notification. */
final class HistoryFetch {
    private static final Logger log = LoggerFactory.getLogger(HistoryFetch.class);

    private final Poller poller;
    private final StoreWriter writer;
    private final SubscriptionStore subscriptions;
    private final EngineConfig config;

    HistoryFetch(Poller poller, StoreWriter writer, SubscriptionStore subscriptions, EngineConfig config) {
        this.poller = poller;
        this.writer = writer;
        this.subscriptions = subscriptions;
        this.config = config;
    }

    /**
     * Polls the whole cache of subscriptions seen for the first time into history (no notifications), as few
     * requests as the request-line limit allows, and waits until it is stored.
     */
    List<Subscription> fetch(ConnectionKey key, AuthorizationHeader auth, List<Subscription> subs) {
        Map<String, Subscription> fresh = new LinkedHashMap<>();
        subs.stream().filter(s -> !s.initialFetchDone()).forEach(s -> fresh.put(s.topic(), s));
        if (fresh.isEmpty()) {
            return subs;
        }
        Map<String, Subscription> done = new HashMap<>();
        for (List<String> part :
                TopicSplitter.split(new ArrayList<>(fresh.keySet()), key.server(), config.maxRequestLine())) {
            try {
                Map<Long, List<Message>> bySub = new LinkedHashMap<>();
                part.forEach(t -> bySub.put(fresh.get(t).id(), new ArrayList<>()));
                for (Message m :
                        poller.poll(key, auth, part, SubscribeQuery.live().withSince("all"))) {
                    Subscription s = fresh.get(m.topic());
                    if (s != null) {
                        bySub.get(s.id()).add(m);
                    }
                }
                CountDownLatch stored = new CountDownLatch(bySub.size());
                bySub.forEach((id, events) -> writer.submit(id, events, false, stored::countDown));
                stored.await();
                for (String t : part) {
                    Subscription s = fresh.get(t).withInitialFetchDone(true);
                    subscriptions.markInitialFetchDone(s.id());
                    done.put(t, s);
                }
                log.info("Fetched the history of {} topic(s) on {}", part.size(), key.server());
            } catch (Poller.PollException e) {
                // Not fatal: the streams start anyway, and the next start tries the fetch again.
                log.warn(
                        "Could not fetch the history of {} topic(s) on {}: {}",
                        part.size(),
                        key.server(),
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return subs.stream().map(s -> done.getOrDefault(s.topic(), s)).toList();
    }

    /** The server asked for a poll of one subscription (a poll_request event): its messages since {@code since}. */
    void pollAsked(ConnectionKey key, AuthorizationHeader auth, Subscription sub, String since) {
        try {
            List<Message> events = poller.poll(
                    key, auth, List.of(sub.topic()), SubscribeQuery.live().withSince(since));
            writer.submit(sub.id(), events, true, null);
        } catch (Poller.PollException e) {
            log.warn("Could not poll {}/{} as the server asked: {}", sub.baseUrl(), sub.topic(), e.getMessage());
        }
    }
}
