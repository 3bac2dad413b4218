package io.ntfybar.notify.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Action;
import io.ntfybar.notify.NotificationListener;
import io.ntfybar.render.NotificationSpec;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.DesktopSession;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The freedesktop notifier against a real dunst on a private session bus under Xvfb. */
class DbusNotifierTest {
    private static DesktopSession desktop;

    @BeforeAll
    static void startDesktop() throws Exception {
        desktop = DesktopSession.start(false);
    }

    @AfterAll
    static void stopDesktop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    private static NotificationSpec spec(String identity, String title, NotificationSpec.Level level, List<Action> a) {
        return new NotificationSpec(
                identity,
                "https://ntfy.sh/backups",
                title,
                "backups",
                "disk <b>full</b> & more",
                level,
                null,
                level == NotificationSpec.Level.TIME_SENSITIVE,
                a,
                null,
                null);
    }

    private static final class Recorder implements NotificationListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void onClick(String identity) {
            events.add("click " + identity);
        }

        @Override
        public void onAction(String identity, int index) {
            events.add("action " + identity + " " + index);
        }

        @Override
        public void onDismissed(String identity) {
            events.add("dismissed " + identity);
        }
    }

    private static List<String> logLines() throws Exception {
        return Files.exists(desktop.notificationLog()) ? Files.readAllLines(desktop.notificationLog()) : List.of();
    }

    private static void awaitLogLines(int n) {
        Await.value("dunst to have logged " + n + " notifications", DbusNotifierTest::logLines, l -> l.size() >= n);
    }

    private static int displayed() throws Exception {
        return Integer.parseInt(desktop.run("dunstctl", "count", "displayed").strip());
    }

    private static void awaitDisplayed(int n) {
        Await.value("dunst to display " + n + " notifications", DbusNotifierTest::displayed, d -> d == n);
    }

    private static String next(Recorder r) {
        return Await.value("the listener to be told", r.events::poll, Objects::nonNull);
    }

    @Test
    void showsActsOnTheChosenButtonReplacesWithdrawsAndReportsDismissal() throws Exception {
        try (DbusNotifier n = DbusNotifier.connect(desktop.busAddress()).orElseThrow()) {
            Recorder r = new Recorder();
            n.setListener(r);
            assertTrue(n.name().contains("dunst"), n.name());
            assertTrue(n.capabilities().actions(), "dunst lists the actions capability");
            int before = logLines().size();

            // Shown with the subtitle in front of the body (no markup escaping: dunst has no body-markup), critical.
            NotificationSpec first = spec(
                    "https://ntfy.sh/backups#s1",
                    "Backup failed",
                    NotificationSpec.Level.TIME_SENSITIVE,
                    List.of(
                            Action.view("Open log", "https://example.com/log", false),
                            Action.copy("Copy", "x", false)));
            n.show(first);
            awaitLogLines(before + 1);
            assertEquals(
                    "ntfybar|Backup failed|backups\\ndisk <b>full</b> & more|CRITICAL",
                    logLines().get(before));

            // A revision replaces in place: still one on screen.
            n.show(spec(
                    "https://ntfy.sh/backups#s1",
                    "Backup failed (2)",
                    NotificationSpec.Level.TIME_SENSITIVE,
                    first.actions()));
            awaitLogLines(before + 2);
            assertEquals(1, displayed());

            // The user picks the second button: the listener gets index 1 and the notification closes.
            Files.writeString(desktop.pickFile(), "action-1");
            desktop.run("dunstctl", "context");
            assertEquals("action https://ntfy.sh/backups#s1 1", next(r));
            awaitDisplayed(0);

            // Withdraw removes it; the app's own close is not reported as a dismissal.
            n.show(spec("https://ntfy.sh/backups#s2", "Second", NotificationSpec.Level.ACTIVE, List.of()));
            awaitDisplayed(1);
            n.withdraw("https://ntfy.sh/backups#s2");
            awaitDisplayed(0);

            // Dismissed by the user (dunstctl close = closed by the user, reason 2).
            n.show(spec("https://ntfy.sh/backups#s3", "Third", NotificationSpec.Level.PASSIVE, List.of()));
            awaitDisplayed(1);
            desktop.run("dunstctl", "close");
            assertEquals("dismissed https://ntfy.sh/backups#s3", next(r));
            awaitLogLines(before + 4); // dunst's log script runs apart from what it displays
            List<String> urgencies = logLines().subList(before, logLines().size()).stream()
                    .map(l -> l.substring(l.lastIndexOf('|') + 1))
                    .toList();
            assertEquals(List.of("CRITICAL", "CRITICAL", "NORMAL", "LOW"), urgencies);

            // Nothing else was reported (least of all the app's own withdrawal as a dismissal): dunst reports a marker
            // dismissed now after anything still on its way, so it must be the very next event.
            n.show(spec("https://ntfy.sh/backups#marker", "Marker", NotificationSpec.Level.PASSIVE, List.of()));
            awaitDisplayed(1);
            desktop.run("dunstctl", "close");
            assertEquals("dismissed https://ntfy.sh/backups#marker", next(r), "nothing else: " + r.events);
        }
    }

    @Test
    void hintsCarryUrgencyCategoryImageAndSound() throws Exception {
        java.nio.file.Path image = Files.createTempFile("ntfybar-image", ".png");
        NotificationSpec s =
                spec("id", "t", NotificationSpec.Level.PASSIVE, List.of()).withImageFile(image.toString());
        Map<String, Variant<?>> h = DbusNotifier.hints(s);
        assertEquals((byte) 0, h.get("urgency").getValue());
        assertEquals("im.received", h.get("category").getValue());
        assertEquals(image.toUri().toString(), h.get("image-path").getValue());
        assertEquals(Boolean.TRUE, h.get("suppress-sound").getValue());
        NotificationSpec loud = new NotificationSpec(
                "id",
                "g",
                "t",
                null,
                "b",
                NotificationSpec.Level.ACTIVE,
                "message-new-instant",
                false,
                List.of(),
                null,
                "/nonexistent/x.png");
        Map<String, Variant<?>> h2 = DbusNotifier.hints(loud);
        assertEquals("message-new-instant", h2.get("sound-name").getValue());
        assertFalse(h2.containsKey("suppress-sound"));
        assertFalse(h2.containsKey("image-path"), "a missing image file is not offered");
        assertEquals(List.of(), DbusNotifier.actions(s, false), "no actions where the server has none");
        assertEquals("a &lt;b&gt; &amp;", DbusNotifier.escapeMarkup("a <b> &"));
        Files.delete(image);
    }
}
