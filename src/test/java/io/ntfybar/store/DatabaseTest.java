package io.ntfybar.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Subscription;
import io.ntfybar.testsupport.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(Database.NAME + ".mv.db");
    }

    @Test
    void aNewStoreGetsTheLatestSchema() throws Exception {
        try (Database db = Database.open(dir);
                Connection c = db.connection()) {
            assertEquals(Migrations.latest(), Migrations.currentVersion(c));
        }
        assertTrue(Files.exists(file()));
    }

    @Test
    void reopeningKeepsTheDataAndRunsNoMigration() {
        try (Database db = Database.open(dir)) {
            new SubscriptionStore(db).add(Subscription.of("https://ntfy.sh", "kept"));
        }
        try (Database db = Database.open(dir)) {
            assertEquals(
                    List.of("kept"),
                    new SubscriptionStore(db)
                            .all().stream().map(Subscription::topic).toList());
        }
    }

    @Test
    void aQueryAfterCloseIsRefusedAndNeverCreatesAnEmptyStoreInPlaceOfTheOldOne() throws Exception {
        Database db = Database.open(dir);
        SubscriptionStore subscriptions = new SubscriptionStore(db);
        subscriptions.add(Subscription.of("https://ntfy.sh", "kept"));
        db.close();
        // the folder is cleared after quitting, as a test's temporary folder is, while a late task still runs
        Files.delete(file());

        StoreException e = assertThrows(StoreException.class, subscriptions::all);
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        assertTrue(Files.notExists(file()), "no empty store was created");
    }

    @Test
    void aConnectionOpenedWhileClosingNeverCreatesAnEmptyStore() throws Exception {
        try (Database db = Database.open(dir)) {
            SubscriptionStore subscriptions = new SubscriptionStore(db);
            subscriptions.add(Subscription.of("https://ntfy.sh", "kept"));
            // the moment inside close() after H2 shut the file and before the pool is gone, with the file removed
            try (Connection c = db.connection();
                    Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
            Files.delete(file());

            assertThrows(StoreException.class, subscriptions::all);
            assertTrue(Files.notExists(file()), "no empty store was created");
        }
    }

    @Test
    void aVersionOneStoreIsBackedUpAndUpgradedKeepingMessagesAndItsOutbox() throws Exception {
        String url = "jdbc:h2:" + dir.resolve(Database.NAME).toAbsolutePath();
        String longBody = "long body ".repeat(60); // over 256 characters: H2 kept it in its LOB maps in version 1
        try (Connection c = java.sql.DriverManager.getConnection(url, "ntfybar", "")) {
            Migrations.currentVersion(c);
            Migrations.migrate(c, 0, 1);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO server (base_url) VALUES ('https://ntfy.sh')");
                s.execute("INSERT INTO subscription (server_id, topic, created_at) VALUES (1, 'old', 0)");
                s.execute("INSERT INTO message (subscription_id, id, time, topic, body, priority, sequence_id,"
                        + " received_at, dispatched) VALUES (1, 'aaaaaaaaaaaa', 10, 'old', '" + longBody
                        + "', 3, 'aaaaaaaaaaaa', 10, TRUE), (1, 'bbbbbbbbbbbb', 11, 'old', 'pending', 3,"
                        + " 'bbbbbbbbbbbb', 11, FALSE)");
            }
        }
        try (Database db = Database.open(dir);
                Connection c = db.connection()) {
            assertEquals(Migrations.latest(), Migrations.currentVersion(c));
            H2MessageStore store = new H2MessageStore(db);
            assertEquals(
                    List.of("pending", longBody),
                    store.page(1, null, 10).stream()
                            .map(m -> m.message().message())
                            .toList());
            assertEquals(
                    List.of("bbbbbbbbbbbb"),
                    store.undispatched().stream().map(m -> m.message().id()).toList(),
                    "the outbox survives the change from a flag to a mark");
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().contains("v1")), "a backup of version 1 is kept");
        }
    }

    @Test
    void aVersionTwoStoreResumesFromItsNewestMessageButNeverFromTheFuture() throws Exception {
        String url = "jdbc:h2:" + dir.resolve(Database.NAME).toAbsolutePath();
        try (Connection c = java.sql.DriverManager.getConnection(url, "ntfybar", "")) {
            Migrations.currentVersion(c);
            Migrations.migrate(c, 0, 2);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO server (base_url) VALUES ('https://ntfy.sh')");
                s.execute("INSERT INTO subscription (server_id, topic, created_at) VALUES (1, 'past', 0),"
                        + " (1, 'future', 0), (1, 'empty', 0)");
                s.execute("INSERT INTO message (subscription_id, id, time, topic, priority, sequence_id, received_at)"
                        + " VALUES (1, 'aaaaaaaaaaaa', 1000, 'past', 3, 'aaaaaaaaaaaa', 10),"
                        + " (1, 'bbbbbbbbbbbb', 1200, 'past', 3, 'bbbbbbbbbbbb', 10),"
                        + " (2, 'cccccccccccc', 1300, 'future', 3, 'cccccccccccc', 10),"
                        + " (2, 'dddddddddddd', 4102444800, 'future', 3, 'dddddddddddd', 10)");
            }
        }
        long before = System.currentTimeMillis() / 1000;
        try (Database db = Database.open(dir)) {
            long after = System.currentTimeMillis() / 1000;
            H2MessageStore store = new H2MessageStore(db);
            assertEquals(1200, store.resumeTime(List.of(1L)).getAsLong());
            long future = store.resumeTime(List.of(2L)).getAsLong();
            assertTrue(
                    future >= before - 1 && future <= after,
                    "a row dated 2100 is clamped to the time of the migration: " + future);
            assertTrue(store.resumeTime(List.of(3L)).isEmpty(), "nothing stored, no resume point");
        }
    }

    @Test
    void aStoreFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        try (Database db = Database.open(dir);
                Connection c = db.connection();
                Statement s = c.createStatement()) {
            new SubscriptionStore(db).add(Subscription.of("https://ntfy.sh", "precious"));
            s.execute("INSERT INTO schema_version (version) VALUES (99)");
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(dir));
        assertEquals(StoreException.Kind.TOO_NEW, e.kind());
        assertTrue(e.getMessage().contains("newer version of ntfybar"), e.getMessage());
        String url = "jdbc:h2:file:" + dir.resolve(Database.NAME).toAbsolutePath();
        try (Connection c = java.sql.DriverManager.getConnection(url, "ntfybar", "");
                Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(
                        "SELECT (SELECT MAX(version) FROM schema_version)," + " (SELECT topic FROM subscription)")) {
            rs.next();
            assertEquals(99, rs.getInt(1));
            assertEquals("precious", rs.getString(2));
        }
    }

    @Test
    void aCorruptFileIsReportedAndKept() throws Exception {
        byte[] garbage = "this is not an H2 database, but it is the user's file"
                .repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file(), garbage);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(dir));
        assertEquals(StoreException.Kind.CORRUPT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("left untouched"), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file()));
    }

    @Test
    void aStoreOpenInAnotherProcessIsReportedAsLocked() throws Exception {
        Process holder = StoreChildProcess.start("hold", dir);
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("open", out.readLine());
            StoreException e = assertThrows(StoreException.class, () -> Database.open(dir));
            assertEquals(StoreException.Kind.LOCKED, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("another ntfybar process"), e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void everyCommitReportedBeforeSigkillSurvivesIt() throws Exception {
        Process writer = StoreChildProcess.start("write", dir);
        String lastCommitted = null;
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < 300; i++) {
                lastCommitted = out.readLine();
            }
        } finally {
            writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
            assertTrue(writer.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS), "the killed writer ended");
        }
        try (Database db = Database.open(dir)) {
            H2MessageStore store = new H2MessageStore(db);
            Subscription burst =
                    new SubscriptionStore(db).find("https://ntfy.sh", "burst").orElseThrow();
            int committed = Integer.parseInt(lastCommitted.substring(1)) + 1;
            List<String> ids = store.page(burst.id(), null, 100_000).stream()
                    .map(s -> s.message().id())
                    .toList();
            assertTrue(ids.size() >= committed, "stored " + ids.size() + " of " + committed + " committed");
            assertTrue(ids.contains(lastCommitted));
        }
    }
}
