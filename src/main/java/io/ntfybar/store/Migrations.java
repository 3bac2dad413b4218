package io.ntfybar.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A small versioned-SQL runner (see docs/decisions/0004): applies {@code db/V<n>__*.sql} in order, each in one
 * transaction together with the bump of {@code schema_version}. Not thread-safe; run once when the store opens.
 */
final class Migrations {
    /** Every migration, oldest first. Append only: never edit or reorder a migration that has shipped. */
    static final List<String> SCRIPTS =
            List.of("V1__schema.sql", "V2__faster_writes_and_retention.sql", "V3__resume_time.sql");

    private Migrations() {}

    static int latest() {
        return SCRIPTS.size();
    }

    /** The schema version of an open database; 0 for a new, empty one. */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Applies every migration after {@code from}; each commits on its own, so a failure leaves a known version. */
    static void migrate(Connection c, int from) throws SQLException, IOException {
        migrate(c, from, latest());
    }

    /** Applies the migrations after {@code from} up to {@code to}; tests build older stores with it. */
    static void migrate(Connection c, int from, int to) throws SQLException, IOException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = from + 1; v <= to; v++) {
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read(SCRIPTS.get(v - 1)))) {
                        s.execute(sql);
                    }
                    s.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static String read(String script) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/" + script)) {
            if (in == null) {
                throw new IOException("migration " + script + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits a script on semicolons at line ends; strips {@code --} comments. The scripts contain no string literal
     * with a semicolon, which keeps this simple. */
    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            clean.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
