package io.ntfybar.testserver;

import io.ntfybar.model.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The message cache: every cached message with a row number (insertion order) and a published flag (false while a
 * scheduled message waits for its time). Answers {@code since} queries as ntfy's message_cache.go does. Thread-safe.
 */
final class MessageCache {
    static final class Entry {
        final long row;
        final Message message;
        boolean published;

        Entry(long row, Message message, boolean published) {
            this.row = row;
            this.message = message;
            this.published = published;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private long nextRow = 1;

    synchronized void add(Message m, boolean published) {
        Entry e = new Entry(nextRow++, m, published);
        entries.add(e);
        byId.put(m.id(), e);
    }

    synchronized void addAll(List<Message> messages) {
        for (Message m : messages) {
            add(m, true);
        }
    }

    synchronized void clear() {
        entries.clear();
        byId.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    /** Scheduled messages still waiting for their time (or for the hold to be lifted). */
    synchronized int undelivered() {
        return (int) entries.stream().filter(e -> !e.published).count();
    }

    /** Cached messages of the given topics that {@code since} selects, sorted by time, then row. */
    synchronized List<Message> query(Collection<String> topics, Since since, boolean scheduled, long nowSeconds) {
        List<Entry> out = new ArrayList<>();
        switch (since.kind()) {
            case NONE:
                return List.of();
            case LATEST:
                for (String topic : topics) {
                    Entry latest = null;
                    for (Entry e : entries) {
                        if (e.published && e.message.topic().equals(topic) && live(e, nowSeconds)) {
                            if (latest == null || e.message.time() >= latest.message.time()) {
                                latest = e;
                            }
                        }
                    }
                    if (latest != null) {
                        out.add(latest);
                    }
                }
                break;
            case ID:
                Entry anchor = byId.get(since.id());
                long row = anchor == null ? 0 : anchor.row; // an unknown id replays everything
                for (Entry e : entries) {
                    if (topics.contains(e.message.topic())
                            && live(e, nowSeconds)
                            && ((e.published && e.row > row) || (scheduled && !e.published))) {
                        out.add(e);
                    }
                }
                break;
            default:
                long from = since.kind() == Since.Kind.TIME ? since.time() : Long.MIN_VALUE;
                for (Entry e : entries) {
                    if (topics.contains(e.message.topic())
                            && live(e, nowSeconds)
                            && (e.published || scheduled)
                            && e.message.time() >= from) {
                        out.add(e);
                    }
                }
        }
        out.sort(Comparator.<Entry>comparingLong(e -> e.message.time()).thenComparingLong(e -> e.row));
        List<Message> messages = new ArrayList<>(out.size());
        out.forEach(e -> messages.add(e.message));
        return messages;
    }

    /** Marks scheduled messages whose time has come as published and returns them, oldest first. */
    synchronized List<Message> takeDue(long nowSeconds) {
        List<Message> due = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.published && e.message.time() <= nowSeconds) {
                e.published = true;
                due.add(e.message);
            }
        }
        due.sort(Comparator.comparingLong(Message::time));
        return due;
    }

    /** Removes not yet delivered messages of a topic with this sequence id (a newer revision replaces them). */
    synchronized void removeScheduled(String topic, String sequenceId) {
        entries.removeIf(e -> {
            boolean match = !e.published
                    && e.message.topic().equals(topic)
                    && Objects.equals(e.message.effectiveSequenceId(), sequenceId);
            if (match) {
                byId.remove(e.message.id());
            }
            return match;
        });
    }

    private static boolean live(Entry e, long nowSeconds) {
        Long expires = e.message.expires();
        return expires == null || expires >= nowSeconds;
    }
}
