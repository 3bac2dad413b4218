package io.ntfybar.ui.messages;

import io.ntfybar.model.Action;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.Message;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreUpdate;
import java.util.List;
import java.util.Map;

/** Realistic messages for demos, screenshots and tests. Test code only. */
final class SampleMessages {
    private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();

    private SampleMessages() {}

    /** A 12-character id, unique in this JVM. */
    static String id() {
        return String.format("s%011d", NEXT.incrementAndGet());
    }

    static Message message(
            String topic,
            long time,
            String title,
            String text,
            int priority,
            List<String> tags,
            String click,
            List<Action> actions,
            Attachment attachment,
            boolean markdown) {
        return new Message(
                id(),
                time,
                null,
                "message",
                topic,
                title,
                text,
                priority,
                tags,
                click,
                null,
                actions,
                attachment,
                null,
                markdown ? Message.MARKDOWN : null,
                null,
                null);
    }

    static StoredMessage store(H2MessageStore store, Subscription s, Message m) {
        List<StoreUpdate> u = store.store(s.id(), List.of(m), false);
        return ((StoreUpdate.Added) u.get(0)).stored();
    }

    /** Fills the subscriptions with a mix of priorities, emoji tags, markdown, actions and attachments. */
    static void fill(
            H2MessageStore store,
            Subscription backups,
            Subscription deploys,
            Subscription camera,
            String imageUrl,
            String httpActionUrl) {
        long now = System.currentTimeMillis() / 1000;
        store(
                store,
                backups,
                message(
                        backups.topic(),
                        now - 26 * 3600,
                        "Nightly backup finished",
                        "412 GB in 2 h 14 min.",
                        2,
                        List.of("white_check_mark", "nas-01"),
                        null,
                        List.of(),
                        null,
                        false));
        store(
                store,
                backups,
                message(
                        backups.topic(),
                        now - 3 * 3600,
                        null,
                        "Disk usage at 71 % on /srv/backup",
                        1,
                        List.of("floppy_disk"),
                        null,
                        List.of(),
                        null,
                        false));
        store(
                store,
                backups,
                message(
                        backups.topic(),
                        now - 40 * 60,
                        "Backup failed on nas-01",
                        "The **nightly job** stopped after 3 retries:\n\n"
                                + "- volume `/srv/photos` is *read-only*\n- 1,204 files skipped\n\n"
                                + "```\nrsync: write failed: Read-only file system (30)\n```\n"
                                + "See the [runbook](https://wiki.example.com/backups) or https://status.example.com.",
                        5,
                        List.of("rotating_light", "backup", "nas-01"),
                        "https://nas-01.example.com/logs",
                        List.of(
                                Action.view("Open logs", "https://nas-01.example.com/logs", false),
                                Action.http("Retry now", httpActionUrl, "POST", Map.of(), "retry", false),
                                Action.copy("Copy host", "nas-01.example.com", false)),
                        null,
                        true));
        store(
                store,
                deploys,
                message(
                        deploys.topic(),
                        now - 5 * 3600,
                        "Deployed web 2.14.0",
                        "## Changes\n1. Faster search\n2. New *dark* theme\n\n> Rolled out to 100 % of servers.",
                        3,
                        List.of("rocket"),
                        null,
                        List.of(),
                        null,
                        true));
        store(
                store,
                deploys,
                message(
                        deploys.topic(),
                        now - 2 * 60,
                        "CPU above 90 % on web-03",
                        "Load average 14.2 for 5 minutes.",
                        4,
                        List.of("warning", "web-03"),
                        null,
                        List.of(Action.view("Dashboard", "https://grafana.example.com/d/web", false)),
                        null,
                        false));
        store(
                store,
                camera,
                message(
                        camera.topic(),
                        now - 9 * 60,
                        "Motion at the front door",
                        "Someone is at the door.",
                        4,
                        List.of("camera"),
                        null,
                        List.of(),
                        new Attachment("front-door.png", "image/png", 2_400L, now + 3 * 3600, imageUrl),
                        false));
        store(
                store,
                camera,
                message(
                        camera.topic(),
                        now - 2 * 86_400,
                        "Weekly report",
                        "The camera report of last week.",
                        3,
                        List.of("page_facing_up"),
                        null,
                        List.of(),
                        new Attachment(
                                "report-week-46.pdf",
                                "application/pdf",
                                1_532_000L,
                                now - 86_400,
                                "https://files.example.com/report.pdf"),
                        false));
    }
}
