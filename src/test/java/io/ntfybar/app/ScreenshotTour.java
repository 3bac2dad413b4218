package io.ntfybar.app;

import io.ntfybar.model.PublishRequest;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.publish.Publisher;
import io.ntfybar.settings.Settings;
import io.ntfybar.settings.SettingsFile;
import io.ntfybar.store.Database;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import io.ntfybar.ui.preferences.PreferencesBackupDemo;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Starts the real app on a private Xvfb with a tray host and a notification daemon, against the loopback test server
 * with sample subscriptions and messages, and saves screenshots of the tray menu and every window. Run by
 * {@code scripts/screenshots.sh}; the README shows the results.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Path home = Files.createTempDirectory("ntfybar-tour");
        Files.createDirectories(out);
        try (NtfyTestServer server = NtfyTestServer.start();
                NtfyTestServer locked = NtfyTestServer.start();
                DesktopSession desktop = DesktopSession.start(true)) {
            locked.auth().enable("deny-all");
            new SettingsFile(home.resolve("config")).save(Settings.defaults().withDefaultServer(server.baseUrl()));
            long backups;
            try (Database db = Database.open(home.resolve("data"))) {
                SubscriptionStore subs = new SubscriptionStore(db);
                backups = subs.add(Subscription.of(server.baseUrl(), "backups").withDisplayName("Backups 💾"))
                        .id();
                subs.add(Subscription.of(server.baseUrl(), "home").withDisplayName("Home 🏠"));
                subs.add(Subscription.of(server.baseUrl(), "builds"));
                subs.add(Subscription.of(locked.baseUrl(), "office").withDisplayName("Office alerts"));
            }
            history(server, home);
            Process app = ChildJvm.start(
                    ScreenshotApp.class,
                    desktop.env(),
                    List.of("-Dntfybar.home=" + home, "-Dntfybar.logdir=" + home.resolve("logs")));
            BufferedReader fromApp =
                    new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter toApp = new PrintWriter(app.getOutputStream(), true, StandardCharsets.UTF_8);
            try {
                expect(fromApp, "ready");
                Thread.sleep(4000);
                server.publish(
                        "backups",
                        "Only **2%** left on `/srv/backup`. Free space or the next run fails.",
                        Map.of(
                                "Title",
                                "Disk almost full on nas-01",
                                "Priority",
                                "5",
                                "Tags",
                                "rotating_light,nas-01",
                                "Markdown",
                                "yes",
                                "Actions",
                                "view, Open dashboard, https://nas.example.com; http, Clean up, https://nas.example.com/api/cleanup"));
                Thread.sleep(2500);

                DesktopSession.Geometry icon = desktop.awaitWindow("JavaEmbeddedFrame");
                desktop.run("xdotool", "mousemove", "" + icon.centerX(), "" + icon.centerY(), "click", "3");
                DesktopSession.Geometry menu = desktop.awaitWindow("XPopupMenuPeer");
                Thread.sleep(500);
                int top = Math.max(0, menu.y() - 10);
                shoot(desktop, out.resolve("tray-menu.png"), 0, top, menu.x() + menu.width() + 20, 1024 - top);
                desktop.run("xdotool", "key", "Escape");

                window(
                        desktop,
                        toApp,
                        fromApp,
                        "messages " + backups,
                        "Messages — ntfybar",
                        out,
                        "messages-window.png");
                window(
                        desktop,
                        toApp,
                        fromApp,
                        "subscribe",
                        "Subscribe to a topic — ntfybar",
                        out,
                        "subscribe-window.png");
                window(
                        desktop,
                        toApp,
                        fromApp,
                        "settings " + backups,
                        "Subscription settings — ntfybar",
                        out,
                        "subscription-settings.png");
                Path pem = io.ntfybar.testserver.TestTls.create(home.resolve("tls"))
                        .certificatePem();
                window(
                        desktop,
                        toApp,
                        fromApp,
                        "trust " + backups + " " + pem,
                        "Server trust — ntfybar",
                        out,
                        "server-trust.png");
                desktop.run("xdotool", "search", "--onlyvisible", "--name", "Subscription settings", "windowfocus");
                desktop.run("xdotool", "key", "ctrl+w");
                window(desktop, toApp, fromApp, "publish", "Publish — ntfybar", out, "publish-window.png");
                window(desktop, toApp, fromApp, "preferences", "Preferences — ntfybar", out, "preferences-window.png");
                backupSection(desktop, out);
                toApp.println("appearance dark");
                expect(fromApp, "ok");
                window(
                        desktop,
                        toApp,
                        fromApp,
                        "messages " + backups,
                        "Messages — ntfybar",
                        out,
                        "messages-window-dark.png");
                toApp.println("quit");
                app.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                app.destroyForcibly();
            }
        }
        System.out.println("screenshots in " + out);
    }

    /** Messages published before the app starts: its first fetch stores them without a notification storm. */
    private static void history(NtfyTestServer server, Path home) throws Exception {
        server.publish(
                "backups",
                "412 GB in 2 h 14 min.",
                Map.of("Title", "Nightly backup finished", "Tags", "white_check_mark,nas-01", "Priority", "2"));
        server.publish("backups", "Weekly verify: all 1,204 files match.", Map.of("Tags", "mag"));
        server.publish(
                "home",
                "Front door opened",
                Map.of("Tags", "door", "Priority", "4", "Click", "https://home.example.com/cameras/front"));
        server.publish("home", "Washing machine is done 🧺", Map.of("Priority", "3"));
        server.publish("builds", "main #1289 passed in 4 min 12 s", Map.of("Title", "Build passed", "Tags", "tada,ci"));
        server.publish(
                "builds",
                "release/2.0 #77 failed: 3 tests",
                Map.of("Title", "Build failed", "Tags", "x,ci", "Priority", "4"));
        Path png = home.resolve("preview.png");
        BufferedImage img = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x33, 0x85, 0x74), 320, 180, new Color(0x1e, 0x3a, 0x5f)));
        g.fillRect(0, 0, 320, 180);
        g.setColor(Color.WHITE);
        g.drawString("front door camera 07:42", 16, 160);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
        new Publisher(HttpClients.requests(HttpClients.streaming()))
                .upload(
                        ServerUrl.of(server.baseUrl()),
                        Optional.empty(),
                        PublishRequest.to("home", "Motion at the front door").withTitle("Camera"),
                        png);
    }

    private static void window(
            DesktopSession desktop,
            PrintWriter toApp,
            BufferedReader fromApp,
            String command,
            String title,
            Path out,
            String file)
            throws Exception {
        toApp.println(command);
        expect(fromApp, "ok");
        desktop.visibleWindow(title);
        Thread.sleep(2500);
        DesktopSession.Geometry g = desktop.visibleWindow(title);
        shoot(desktop, out.resolve(file), g.x(), g.y(), g.width(), g.height());
        desktop.run("xdotool", "search", "--onlyvisible", "--name", title, "windowfocus");
        desktop.run("xdotool", "key", "ctrl+w");
        Thread.sleep(500);
    }

    /** The Preferences window's Backup section after an import, from its own demo process on the same display. */
    private static void backupSection(DesktopSession desktop, Path out) throws Exception {
        Process demo = ChildJvm.start(
                PreferencesBackupDemo.class,
                desktop.env(),
                List.of("-Dntfybar.logdir=" + Files.createTempDirectory("ntfybar-backup-demo-logs")));
        try {
            expect(new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8)), "ready");
            Thread.sleep(2000);
            DesktopSession.Geometry g = desktop.visibleWindow("Preferences — ntfybar");
            shoot(desktop, out.resolve("preferences-backup.png"), g.x(), g.y(), g.width(), g.height());
        } finally {
            demo.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static void shoot(DesktopSession desktop, Path file, int x, int y, int w, int h) throws Exception {
        desktop.run("import", "-window", "root", "-crop", w + "x" + h + "+" + x + "+" + y, "+repage", file.toString());
        System.out.println("saved " + file);
    }

    private static void expect(BufferedReader in, String line) throws Exception {
        String l;
        while ((l = in.readLine()) != null) {
            if (l.equals(line)) {
                return;
            }
        }
        throw new IllegalStateException("the app ended before '" + line + "'");
    }
}
