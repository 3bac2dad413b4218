package io.ntfybar.app;

import io.ntfybar.settings.AppPaths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The real app ({@link DesktopApp#start}) with a line protocol on stdin for {@link ScreenshotTour}: {@code messages
 * <subscription id>}, {@code subscribe}, {@code settings <subscription id>}, {@code publish}, {@code preferences},
 * {@code appearance light|dark|system}, {@code trust <subscription id> <PEM file>} (the settings window's Server trust
 * dialog, with that CA file chosen), {@code quit}. Prints {@code ready} once the tray is up and {@code ok} after each command was handed over.
 */
public final class ScreenshotApp {
    private ScreenshotApp() {}

    public static void main(String[] args) throws Exception {
        DesktopApp.Running app = DesktopApp.start(AppPaths.current(), () -> System.exit(0));
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.strip().split(" ");
            switch (w[0]) {
                case "messages" -> app.windows().showMessages(Long.parseLong(w[1]), 0);
                case "subscribe" -> app.windows().showSubscribe();
                case "settings" -> app.windows().showSubscriptionSettings(Long.parseLong(w[1]));
                case "publish" -> app.windows().showPublish(null);
                case "preferences" -> app.windows().showPreferences();
                case "appearance" -> app.core().updateSettings(s -> s.withAppearance(w[1]));
                case "trust" -> trust(app, Long.parseLong(w[1]), w[2]);
                case "quit" -> app.core().quit();
                default -> System.out.println("unknown " + w[0]);
            }
            System.out.println("ok");
        }
    }

    /** Opens the Server trust dialog of a subscription's settings as a user would, and chooses a CA file in it. */
    private static void trust(DesktopApp.Running app, long subscriptionId, String pem) throws InterruptedException {
        app.windows().showSubscriptionSettings(subscriptionId);
        Thread.sleep(1500);
        javafx.application.Platform.runLater(() ->
                lookup("#changeTrust", javafx.scene.control.Button.class).ifPresent(javafx.scene.control.Button::fire));
        Thread.sleep(1500);
        javafx.application.Platform.runLater(() -> {
            lookup("#caFile", javafx.scene.control.TextField.class).ifPresent(f -> {
                f.setText(pem);
                f.fireEvent(new javafx.event.ActionEvent());
            });
            lookup("#clientFile", javafx.scene.control.TextField.class)
                    .ifPresent(f -> f.setText(System.getProperty("user.home") + "/certs/laptop.p12"));
            lookup("#trustHeaders", javafx.scene.control.TextArea.class)
                    .ifPresent(f -> f.setText("X-Proxy-Key: s3cr3t"));
        });
        Thread.sleep(1000);
    }

    private static <T> java.util.Optional<T> lookup(String id, Class<T> type) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing()
                    && w.getScene() != null
                    && type.isInstance(w.getScene().lookup(id))) {
                return java.util.Optional.of(type.cast(w.getScene().lookup(id)));
            }
        }
        return java.util.Optional.empty();
    }
}
