package io.ntfybar.store;

import io.ntfybar.model.Message;
import io.ntfybar.model.StoredMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Messages in the H2 store: idempotent insert keyed by (subscription, message id), sequence-id revisions, read and
 * deleted state, unread counts, search, paging, the dispatch outbox and retention.
 *
 * <p>Threading: writes are serialised on this object (one writer; callers batch by passing many messages at once);
 * reads run concurrently on their own pooled connections. A write returns only after its transaction committed, so
 * everything it reports as {@link StoreUpdate.Added} is durable before anyone dispatches it.
 */
public final class H2MessageStore {
    private static final String VISIBLE = "NOT m.is_deleted AND NOT m.superseded";
    private static final String SELECT = "SELECT m.row_id, m.subscription_id, m.received_at, m.is_read, m.is_deleted,"
            + " m.superseded, " + prefixed() + " FROM message m";

    private final Database db;

    public H2MessageStore(Database db) {
        this.db = db;
    }

    /**
     * Events of one subscription to store; {@code dispatch} false for history that must raise no notification.
     *
     * @param serverClock the server's clock (unix seconds) when these events arrived, from the stream's latest open or
     *     keepalive event; {@link #LOCAL_CLOCK} when none was seen (a poll, an import), so that the local clock at the
     *     write stands in. The subscription's resume point advances to no later than this.
     */
    public record Write(long subscriptionId, List<Message> events, boolean dispatch, long serverClock) {
        public Write(long subscriptionId, List<Message> events, boolean dispatch) {
            this(subscriptionId, events, dispatch, LOCAL_CLOCK);
        }
    }

    /** {@link Write#serverClock()} when no server clock is known. */
    public static final long LOCAL_CLOCK = Long.MIN_VALUE;

    /**
     * {@link #store(List, long)} for one subscription's events, with nothing to mark dispatched, bounded by the local
     * clock (polls and imports).
     */
    public List<StoreUpdate> store(long subscriptionId, List<Message> events, boolean dispatch) {
        return store(List.of(new Write(subscriptionId, events, dispatch)), 0);
    }

    /**
     * Stores events in one transaction: messages not seen before are inserted, {@code message_clear} marks a sequence
     * read, {@code message_delete} hides it; other events are ignored. The same transaction records every row up to
     * {@code dispatchedThrough} as handled (0: none), so a busy writer commits once per batch, not twice.
     *
     * @return what changed, in input order; an already stored message changes nothing
     */
    public synchronized List<StoreUpdate> store(List<Write> writes, long dispatchedThrough) {
        long now = System.currentTimeMillis() / 1000;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (WriteTransaction tx = new WriteTransaction(c, now)) {
                List<StoreUpdate> updates = new ArrayList<>();
                for (Write w : writes) {
                    tx.apply(w.subscriptionId(), w.events(), w.dispatch(), w.serverClock(), updates);
                }
                if (dispatchedThrough > 0) {
                    WriteTransaction.markDispatchedThrough(c, dispatchedThrough);
                }
                c.commit();
                return updates;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    /** {@link #store(long, List, boolean)} with the server's clock at arrival, which bounds the resume point. */
    public List<StoreUpdate> store(long subscriptionId, List<Message> events, boolean dispatch, long serverClock) {
        return store(List.of(new Write(subscriptionId, events, dispatch, serverClock)), 0);
    }

    /**
     * The latest resume point of these subscriptions (unix seconds), where a resumed stream starts (minus a margin);
     * empty when none has stored a message yet. Not the newest message's {@code time}: that may lie in the future.
     */
    public OptionalLong resumeTime(Collection<Long> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return OptionalLong.empty();
        }
        String in =
                String.join(",", subscriptionIds.stream().map(String::valueOf).toList());
        try (Connection c = db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(resume_time) FROM subscription WHERE id IN (" + in + ")")) {
            rs.next();
            long t = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(t);
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    private static OptionalLong latestTime(Connection c, Collection<Long> subscriptionIds) throws SQLException {
        if (subscriptionIds.isEmpty()) {
            return OptionalLong.empty();
        }
        String in =
                String.join(",", subscriptionIds.stream().map(String::valueOf).toList());
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(time) FROM message WHERE subscription_id IN (" + in + ")")) {
            rs.next();
            long t = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(t);
        }
    }

    /**
     * One page of a subscription's visible messages, newest first. Pass the last row of the previous page as
     * {@code before} (null for the first page): keyset paging stays fast however deep the user scrolls.
     */
    public List<StoredMessage> page(long subscriptionId, StoredMessage before, int limit) {
        String sql = SELECT + " WHERE m.subscription_id = ? AND " + VISIBLE
                + (before == null ? "" : " AND (m.time, m.row_id) < (?, ?)") + " ORDER BY m.time DESC, m.row_id DESC"
                + " LIMIT ?";
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, subscriptionId);
            if (before != null) {
                ps.setLong(i++, before.message().time());
                ps.setLong(i++, before.rowId());
            }
            ps.setInt(i, limit);
            return list(ps);
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    /** Visible messages whose title, text or tags contain every word of {@code query} (case-insensitive), newest first. */
    public List<StoredMessage> search(String query, int limit) {
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        StringBuilder sql = new StringBuilder(SELECT + " WHERE " + VISIBLE);
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND m.search_text LIKE ? ESCAPE '\\'");
        }
        sql.append(" ORDER BY m.time DESC, m.row_id DESC LIMIT ?");
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String w : words) {
                ps.setString(
                        i++, "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            ps.setInt(i, limit);
            return list(ps);
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    /** Unread, visible messages per subscription id (subscriptions with none are absent). */
    public Map<Long, Integer> unreadCounts() {
        try (Connection c = db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT m.subscription_id, COUNT(*) FROM message m WHERE NOT m.is_read"
                        + " AND " + VISIBLE + " GROUP BY m.subscription_id")) {
            Map<Long, Integer> out = new LinkedHashMap<>();
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getInt(2));
            }
            return out;
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    /** Marks messages read (true) or unread (false). */
    public synchronized void setRead(Collection<Long> rowIds, boolean read) {
        updateRows("UPDATE message SET is_read = ? WHERE row_id = ?", rowIds, read);
    }

    /** Hides messages, as the user's delete does. */
    public synchronized void delete(Collection<Long> rowIds) {
        updateRows("UPDATE message SET is_deleted = ? WHERE row_id = ?", rowIds, true);
    }

    /**
     * The outbox: stored messages not yet handed to the dispatcher, oldest first (after a crash, these go out). The
     * writer dispatches in row order, so the outbox is every row after a mark that still wants dispatching.
     */
    public List<StoredMessage> undispatched() {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        SELECT + " WHERE NOT m.dispatched AND " + VISIBLE
                                + " AND m.row_id > (SELECT through_row_id FROM dispatch_mark WHERE id = 1) ORDER BY m.row_id")) {
            return list(ps);
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    /** Records that the dispatcher has handled every row up to and including {@code rowId}. */
    public synchronized void markDispatchedThrough(long rowId) {
        try (Connection c = db.connection()) {
            WriteTransaction.markDispatchedThrough(c, rowId);
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    /**
     * Retention for one subscription: deletes its messages older than {@code cutoffEpochSeconds} (0: no age limit) and
     * all but the newest {@code keep} visible ones (0: no count limit). Rows within {@code resumeWindowSeconds} of
     * its resume point, or after it, are hidden instead of deleted: a stream resumes from there, and a deleted row
     * would come back from the server's cache as a new message.
     *
     * @return how many messages were deleted or hidden
     */
    public synchronized int applyRetention(long subId, long cutoffEpochSeconds, int keep, long resumeWindowSeconds) {
        if (cutoffEpochSeconds <= 0 && keep <= 0) {
            return 0;
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                OptionalLong newest = latestTime(c, List.of(subId));
                if (newest.isEmpty()) {
                    c.commit();
                    return 0;
                }
                long[] boundary = keep > 0 ? nthNewest(c, subId, keep) : null;
                if (cutoffEpochSeconds <= 0 && boundary == null) {
                    c.commit();
                    return 0; // fewer messages than the limit
                }
                String victim = "(" + (cutoffEpochSeconds > 0 ? "time < " + cutoffEpochSeconds : "FALSE")
                        + (boundary == null ? "" : " OR (time, row_id) < (" + boundary[0] + ", " + boundary[1] + ")")
                        + ")";
                OptionalLong resume = resumeTime(c, subId);
                long protect = (resume.isPresent() ? resume.getAsLong() : newest.getAsLong()) - resumeWindowSeconds;
                int n;
                try (Statement st = c.createStatement()) {
                    n = st.executeUpdate("DELETE FROM message WHERE subscription_id = " + subId + " AND " + victim
                            + " AND time < " + protect);
                    n += st.executeUpdate("UPDATE message SET is_deleted = TRUE WHERE subscription_id = " + subId
                            + " AND " + victim + " AND time >= " + protect + " AND NOT is_deleted");
                }
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    private static OptionalLong resumeTime(Connection c, long subId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT resume_time FROM subscription WHERE id = ?")) {
            ps.setLong(1, subId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return OptionalLong.empty();
                }
                long t = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(t);
            }
        }
    }

    /** (time, row id) of the subscription's {@code n}-th newest visible message, or null when it has fewer. */
    private static long[] nthNewest(Connection c, long subId, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT m.time, m.row_id FROM message m"
                + " WHERE m.subscription_id = ? AND " + VISIBLE
                + " ORDER BY m.time DESC, m.row_id DESC LIMIT 1 OFFSET ?")) {
            ps.setLong(1, subId);
            ps.setInt(2, n - 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        }
    }

    private void updateRows(String sql, Collection<Long> rowIds, boolean value) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (long id : rowIds) {
                ps.setBoolean(1, value);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    private static List<StoredMessage> list(PreparedStatement ps) throws SQLException {
        List<StoredMessage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredMessage(
                        rs.getLong(1),
                        rs.getLong(2),
                        MessageColumns.read(rs, 7),
                        rs.getLong(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6)));
            }
        }
        return out;
    }

    private static String prefixed() {
        return String.join(
                ", ",
                java.util.Arrays.stream(MessageColumns.NAMES.split(",\\s*"))
                        .map(n -> "m." + n)
                        .toList());
    }
}
