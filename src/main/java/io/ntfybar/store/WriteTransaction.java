package io.ntfybar.store;

import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.model.StoredMessage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of one write transaction of {@link H2MessageStore#store(List, Collection)}, prepared once and reused
 * for every message in it. Array parameters are joined through {@code UNNEST} because H2 answers {@code = ANY(?)} by
 * scanning every row of the subscription, not through the index. Per subscription, two queries answer for the whole batch which ids are already stored and
 * which sequences already have a revision; new rows go in as one JDBC batch. Measured in docs/benchmarks.md: one
 * statement round per message and one commit per group cost more than the inserts themselves.
 */
final class WriteTransaction implements AutoCloseable {
    private final Connection c;
    private final long now;
    private final PreparedStatement insert;
    private final PreparedStatement existing;
    private final PreparedStatement latestRevisions;
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(long subscriptionId, Message message, boolean outbox) {}

    WriteTransaction(Connection c, long now) throws SQLException {
        this.c = c;
        this.now = now;
        this.insert = c.prepareStatement(
                "INSERT INTO message (subscription_id, received_at, superseded, dispatched, is_read, search_text, "
                        + MessageColumns.NAMES + ") VALUES (?, ?, ?, ?, ?, ?, " + MessageColumns.PLACEHOLDERS + ")",
                Statement.RETURN_GENERATED_KEYS);
        this.existing = c.prepareStatement("SELECT m.id FROM UNNEST(CAST(? AS VARCHAR ARRAY)) u(x)"
                + " JOIN message m ON m.subscription_id = ? AND m.id = u.x");
        this.latestRevisions =
                c.prepareStatement("SELECT m.sequence_id, MAX(m.time) FROM UNNEST(CAST(? AS VARCHAR ARRAY)) u(x)"
                        + " JOIN message m ON m.subscription_id = ? AND m.sequence_id = u.x AND NOT m.superseded"
                        + " GROUP BY m.sequence_id");
    }

    /**
     * Applies the events of one subscription, in order; appends what changed to {@code updates}. Advances the
     * subscription's resume point to its newest message's time, but never past {@code serverClock} (the local clock
     * when {@link H2MessageStore#LOCAL_CLOCK}): a message dated in the future is stored and shown, yet a resume from
     * its time would skip everything published until then.
     */
    void apply(long subId, List<Message> events, boolean dispatch, long serverClock, List<StoreUpdate> updates)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        long clock = serverClock == H2MessageStore.LOCAL_CLOCK ? now : serverClock;
        long resume = Long.MIN_VALUE;
        for (Message m : events) {
            if (m.eventType() == Event.MESSAGE) {
                ids.add(m.id());
                sequences.add(m.effectiveSequenceId());
                resume = Math.max(resume, Math.min(m.time(), clock));
            }
        }
        Set<String> seen = ids.isEmpty() ? new HashSet<>() : strings(existing, subId, ids);
        Map<String, Long> latest = ids.isEmpty() ? new HashMap<>() : latestTimes(subId, sequences);
        Message newest = null;
        for (Message m : events) {
            Event type = m.eventType();
            if (type == Event.MESSAGE) {
                if (!seen.add(m.id())) {
                    continue;
                }
                String seq = m.effectiveSequenceId();
                Long previous = latest.get(seq);
                // The latest revision wins: an older one arriving late is stored, but as superseded.
                boolean superseded = previous != null && previous > m.time();
                if (!superseded) {
                    if (previous != null) {
                        flush(updates);
                        supersede(subId, seq);
                    }
                    latest.put(seq, m.time());
                    if (newest == null || m.time() >= newest.time()) {
                        newest = m;
                    }
                }
                queue(subId, m, superseded, dispatch && !superseded);
            } else if (type == Event.MESSAGE_CLEAR || type == Event.MESSAGE_DELETE) {
                flush(updates);
                String seq = m.effectiveSequenceId();
                boolean clear = type == Event.MESSAGE_CLEAR;
                if (markSequence(subId, seq, clear ? "is_read" : "is_deleted") > 0) {
                    updates.add(clear ? new StoreUpdate.Cleared(subId, seq) : new StoreUpdate.Deleted(subId, seq));
                }
            }
        }
        flush(updates);
        if (newest != null) {
            updateLastMessage(subId, newest);
        }
        if (resume != Long.MIN_VALUE) {
            advanceResumeTime(subId, resume);
        }
    }

    /** Moves the resume point forward only: a late, older message must not make the next resume replay more. */
    private void advanceResumeTime(long subId, long time) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE subscription SET resume_time = ? WHERE id = ?"
                + " AND (resume_time IS NULL OR resume_time < ?)")) {
            ps.setLong(1, time);
            ps.setLong(2, subId);
            ps.setLong(3, time);
            ps.executeUpdate();
        }
    }

    /** Records that every row up to {@code rowId} was handed to the dispatcher, in this same transaction. */
    static void markDispatchedThrough(Connection c, long rowId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE dispatch_mark SET through_row_id = ? WHERE id = 1 AND through_row_id < ?")) {
            ps.setLong(1, rowId);
            ps.setLong(2, rowId);
            ps.executeUpdate();
        }
    }

    private void queue(long subId, Message m, boolean superseded, boolean outbox) throws SQLException {
        insert.setLong(1, subId);
        insert.setLong(2, now);
        insert.setBoolean(3, superseded);
        insert.setBoolean(4, !outbox);
        insert.setBoolean(5, superseded);
        insert.setString(6, MessageColumns.searchText(m));
        MessageColumns.bind(insert, 7, m);
        insert.addBatch();
        pending.add(superseded ? null : new Pending(subId, m, outbox));
    }

    private void flush(List<StoreUpdate> updates) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        insert.executeBatch();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            for (Pending p : pending) {
                if (!keys.next()) {
                    throw new SQLException("H2 returned fewer generated keys than rows inserted");
                }
                if (p != null) {
                    StoredMessage stored = new StoredMessage(
                            keys.getLong(1), p.subscriptionId(), p.message(), now, false, false, false);
                    updates.add(new StoreUpdate.Added(stored, p.outbox()));
                }
            }
        }
        pending.clear();
    }

    private Set<String> strings(PreparedStatement ps, long subId, List<String> values) throws SQLException {
        Set<String> out = new HashSet<>();
        ps.setArray(1, array(values));
        ps.setLong(2, subId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private Map<String, Long> latestTimes(long subId, List<String> sequences) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        latestRevisions.setArray(1, array(sequences));
        latestRevisions.setLong(2, subId);
        try (ResultSet rs = latestRevisions.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private Array array(List<String> values) throws SQLException {
        return c.createArrayOf("VARCHAR", values.toArray());
    }

    private void supersede(long subId, String seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE message SET superseded = TRUE"
                + " WHERE subscription_id = ? AND sequence_id = ? AND NOT superseded")) {
            ps.setLong(1, subId);
            ps.setString(2, seq);
            ps.executeUpdate();
        }
    }

    private int markSequence(long subId, String seq, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE message SET " + column + " = TRUE, dispatched = TRUE"
                + " WHERE subscription_id = ? AND sequence_id = ? AND NOT " + column)) {
            ps.setLong(1, subId);
            ps.setString(2, seq);
            return ps.executeUpdate();
        }
    }

    /**
     * Records the newest message of the subscription, once per batch: a per-row check would scan the subscription's
     * rows for every insert (measured: 327 inserts/s at 50,000 rows; docs/benchmarks.md).
     */
    private void updateLastMessage(long subId, Message newest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE subscription SET last_message_id = ? WHERE id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM message WHERE subscription_id = ? AND time > ?)")) {
            ps.setString(1, newest.id());
            ps.setLong(2, subId);
            ps.setLong(3, subId);
            ps.setLong(4, newest.time());
            ps.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        try (insert;
                existing;
                latestRevisions) {
            // closes the three statements
        }
    }
}
