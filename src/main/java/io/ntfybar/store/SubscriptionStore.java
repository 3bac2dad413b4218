package io.ntfybar.store;

import io.ntfybar.model.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Subscriptions and their servers in the H2 store. Thread-safe: every call uses its own pooled connection. */
public final class SubscriptionStore {
    private static final String SELECT = "SELECT s.id, v.base_url, s.topic, s.display_name, s.icon_url,"
            + " s.min_priority, s.muted_until, s.auto_delete_seconds, s.keep_messages,"
            + " s.initial_fetch_done"
            + " FROM subscription s JOIN server v ON v.id = s.server_id";

    private final Database db;

    public SubscriptionStore(Database db) {
        this.db = db;
    }

    /** Adds a subscription (and its server on first use), or returns the existing one for the same server and topic. */
    public Subscription add(Subscription sub) {
        try (Connection c = db.connection()) {
            Optional<Subscription> existing = find(c, sub.baseUrl(), sub.topic());
            if (existing.isPresent()) {
                return existing.get();
            }
            long serverId = serverId(c, sub.baseUrl());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO subscription (server_id, topic, display_name,"
                            + " icon_url, min_priority, muted_until, auto_delete_seconds, initial_fetch_done, created_at,"
                            + " keep_messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, serverId);
                ps.setString(2, sub.topic());
                ps.setString(3, sub.displayName());
                ps.setString(4, sub.iconUrl());
                ps.setInt(5, sub.minPriority());
                ps.setLong(6, sub.mutedUntil());
                ps.setLong(7, sub.autoDeleteSeconds());
                ps.setBoolean(8, sub.initialFetchDone());
                ps.setLong(9, System.currentTimeMillis() / 1000);
                ps.setInt(10, sub.keepMessages());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return sub.withId(keys.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    /**
     * Saves the user's settings of an existing subscription (display name, icon, priority, mute, retention). The
     * "history fetched" flag is the engine's and changes only through {@link #markInitialFetchDone}, so a window's
     * older copy of the subscription cannot undo it, nor the engine's older copy undo the user's edit.
     */
    public void update(Subscription sub) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE subscription SET display_name = ?, icon_url = ?,"
                        + " min_priority = ?, muted_until = ?, auto_delete_seconds = ?, keep_messages = ?"
                        + " WHERE id = ?")) {
            ps.setString(1, sub.displayName());
            ps.setString(2, sub.iconUrl());
            ps.setInt(3, sub.minPriority());
            ps.setLong(4, sub.mutedUntil());
            ps.setLong(5, sub.autoDeleteSeconds());
            ps.setInt(6, sub.keepMessages());
            ps.setLong(7, sub.id());
            if (ps.executeUpdate() != 1) {
                throw new IllegalArgumentException("no subscription with id " + sub.id());
            }
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    /** Records that the server's cached history of this subscription was fetched once (it raises no notifications). */
    public void markInitialFetchDone(long subscriptionId) {
        try (Connection c = db.connection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE subscription SET initial_fetch_done = TRUE WHERE id = ?")) {
            ps.setLong(1, subscriptionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    /** Removes a subscription and, with it, its stored messages. */
    public void remove(long subscriptionId) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM subscription WHERE id = ?")) {
            ps.setLong(1, subscriptionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    public List<Subscription> all() {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY v.base_url, s.topic");
                ResultSet rs = ps.executeQuery()) {
            List<Subscription> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    public Optional<Subscription> find(String baseUrl, String topic) {
        try (Connection c = db.connection()) {
            return find(c, baseUrl, topic);
        } catch (SQLException e) {
            throw Database.translate(db.folder(), e);
        }
    }

    private static Optional<Subscription> find(Connection c, String baseUrl, String topic) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE v.base_url = ? AND s.topic = ?")) {
            ps.setString(1, baseUrl);
            ps.setString(2, topic);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static long serverId(Connection c, String baseUrl) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO server (base_url) KEY (base_url) VALUES (?)")) {
            ps.setString(1, baseUrl);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM server WHERE base_url = ?")) {
            ps.setString(1, baseUrl);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        return new Subscription(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getInt(9),
                rs.getBoolean(10));
    }
}
