package io.ntfybar.app;

import io.ntfybar.settings.AppPaths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The real app ({@link DesktopApp#start}) with a line protocol on stdin for {@link ScreenshotTour}: {@code messages
 * <subscription id>}, {@code subscribe}, {@code settings <subscription id>}, {@code publish}, {@code preferences},
 * {@code appearance light|dark|system}, {@code quit}. Prints {@code ready} once the tray is up and {@code ok} after each command was handed over.
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
                case "quit" -> app.core().quit();
                default -> System.out.println("unknown " + w[0]);
            }
            System.out.println("ok");
        }
    }
}
