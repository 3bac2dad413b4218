package io.ntfybar.ui.messages;

import io.ntfybar.model.Subscription;
import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.LoopbackHttp;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.RecordingWindows;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Shows the Messages window on sample data for screenshots: several subscriptions on a test server, priorities 1-5,
 * emoji tags, markdown, an image attachment, actions, unread counts and one subscription that needs a login. Run it
 * on an X display (GTK); it stays open until killed. Test code only.
 */
public final class MessagesDemo {
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("ntfybar-messages-demo");
        TestCore t = TestCore.start(home);
        t.core.updateSettings(s -> s.withDefaultServer(t.server.baseUrl())); // bare topic names, as on ntfy.sh
        LoopbackHttp http = new LoopbackHttp();
        http.on("/front-door.png", 200, png(), "image/png");
        t.server.auth().enable("read-write").deny("*", "family-secret");
        Subscription backups = t.core.subscriptions()
                .add(Subscription.of(t.server.baseUrl(), "backups").withDisplayName("Backups"));
        Subscription deploys = t.core.subscriptions().add(Subscription.of(t.server.baseUrl(), "deploys"));
        Subscription camera = t.core.subscriptions()
                .add(Subscription.of(t.server.baseUrl(), "front-camera").withDisplayName("Front camera \ud83d\udcf7"));
        t.core.subscriptions().add(Subscription.of(t.server.baseUrl(), "family-secret"));
        SampleMessages.fill(
                t.core.messages(),
                backups,
                deploys,
                camera,
                http.baseUrl() + "/front-door.png",
                http.baseUrl() + "/retry");
        t.core.subscriptionsChanged();
        Await.until("the needs-login problem", () -> !t.core.problems().isEmpty());
        FxTests.startToolkit();
        FxTests.onFx(() -> {
            MessagesWindow w = new MessagesWindow(t.core, new RecordingWindows(), UiThreads.standard());
            w.stage().getScene().getStylesheets().add(0, DemoTheme.stylesheet());
            w.stage().setX(0);
            w.stage().setY(0);
            w.stage().setWidth(1280);
            w.stage().setHeight(800);
            w.show(args.length > 0 ? Long.parseLong(args[0]) : 0, 0);
        });
    }

    /** A small picture: a door-coloured square with a window. */
    static byte[] png() throws java.io.IOException {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(0x6d8fb3));
        g.fillRect(0, 0, 320, 200);
        g.setColor(new java.awt.Color(0x8b5a2b));
        g.fillRect(120, 40, 80, 160);
        g.setColor(new java.awt.Color(0xe8d9a0));
        g.fillRect(140, 60, 40, 40);
        g.setColor(new java.awt.Color(0x3a6b35));
        g.fillRect(0, 170, 320, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
