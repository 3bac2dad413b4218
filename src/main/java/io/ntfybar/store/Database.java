package io.ntfybar.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 database file {@code <folder>/ntfybar.mv.db}: opened, checked and migrated before anything else touches it.
 *
 * <p>Durability: {@code WRITE_DELAY=0} makes H2 write each commit to the file at once instead of up to half a second
 * later, so a committed row survives the process being killed (SIGKILL); the cost is measured in docs/benchmarks.md.
 *
 * <p>Safety: a database that is locked by another process, corrupt, or written by a newer ntfybar is refused with a
 * {@link StoreException} and left exactly as it was; before an older schema is migrated, an online backup
 * ({@code ntfybar-backup-v<N>.zip}) is written next to it. Thread-safe; closing twice does nothing more.
 *
 * <p>Only {@link #open} may create the file. A query that comes after {@link #close} (a window's late background task
 * during quit) is refused with a {@link StoreException}, and no later connection may create an empty store in its
 * place should the file be gone: H2 would otherwise make a new, empty database wherever the old one stood.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String NAME = "ntfybar";

    private final Path folder;
    private final JdbcConnectionPool pool;
    private volatile boolean closed;

    private Database(Path folder, JdbcConnectionPool pool) {
        this.folder = folder;
        this.pool = pool;
    }

    /** Opens (creating if needed) the store in {@code folder} and brings its schema up to date. */
    public static Database open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (Exception e) {
            throw new StoreException(
                    StoreException.Kind.IO,
                    "Cannot create the data folder " + folder + ": " + e.getMessage() + ". Check that it is writable.",
                    e);
        }
        String url = "jdbc:h2:retry:" + folder.resolve(NAME).toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url + ";IFEXISTS=FALSE");
        source.setUser("ntfybar");
        source.setPassword("");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(8);
        Database db = new Database(folder, pool);
        try (Connection c = pool.getConnection()) {
            // the pool opens later connections with this URL: from here on the file must exist
            source.setURL(url + ";IFEXISTS=TRUE");
            int version = Migrations.currentVersion(c);
            if (version > Migrations.latest()) {
                throw new StoreException(
                        StoreException.Kind.TOO_NEW,
                        "The message store in " + folder
                                + " was written by a newer version of ntfybar (schema " + version
                                + ", this one knows up to "
                                + Migrations.latest() + "). Update ntfybar; the store was not changed.",
                        null);
            }
            if (version > 0 && version < Migrations.latest()) {
                db.backup(c, version);
            }
            if (version < Migrations.latest()) {
                Migrations.migrate(c, version);
                LOG.info("message store in {} migrated from schema {} to {}", folder, version, Migrations.latest());
            }
            return db;
        } catch (StoreException e) {
            pool.dispose();
            throw e;
        } catch (SQLException e) {
            pool.dispose();
            throw translate(folder, e);
        } catch (Exception e) {
            pool.dispose();
            throw new StoreException(
                    StoreException.Kind.IO, "Cannot open the message store in " + folder + ": " + e.getMessage(), e);
        }
    }

    private void backup(Connection c, int version) throws SQLException {
        Path zip = folder.resolve(NAME + "-backup-v" + version + ".zip");
        try (Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        }
        LOG.info("backed up the message store to {} before migrating", zip);
    }

    static StoreException translate(Path folder, SQLException e) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || code == ErrorCode.LOCK_TIMEOUT_1) {
            return new StoreException(
                    StoreException.Kind.LOCKED,
                    "The message store in " + folder
                            + " is in use by another ntfybar process. Quit the other one, or start this one with a"
                            + " different NTFYBAR_HOME.",
                    e);
        }
        if (code == ErrorCode.FILE_CORRUPTED_1
                || code == ErrorCode.FILE_VERSION_ERROR_1
                || code == ErrorCode.GENERAL_ERROR_1) {
            return new StoreException(
                    StoreException.Kind.CORRUPT,
                    "The message store " + folder.resolve(NAME + ".mv.db")
                            + " cannot be read (damaged or not an ntfybar store). It was left untouched: move it"
                            + " away to start with an empty history, or restore a backup.",
                    e);
        }
        return new StoreException(
                StoreException.Kind.IO, "The message store in " + folder + " failed: " + e.getMessage(), e);
    }

    /** A pooled connection; the caller closes it. */
    Connection connection() throws SQLException {
        if (closed) {
            throw new StoreException(
                    StoreException.Kind.IO,
                    "The message store in " + folder + " is closed: ntfybar is quitting.",
                    null);
        }
        return pool.getConnection();
    }

    Path folder() {
        return folder;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return; // a second close has nothing left to shut
        }
        closed = true;
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("closing the message store: {}", e.getMessage());
        } finally {
            pool.dispose();
        }
    }
}
