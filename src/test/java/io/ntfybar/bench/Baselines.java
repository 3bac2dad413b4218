package io.ntfybar.bench;

import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floors the start-up benchmark compares the app with, each in a JVM of its own: {@code idle} (a JVM that only
 * sleeps), {@code tray} (one AWT tray icon with a menu), {@code fx} (one bare JavaFX window). Each prints
 * {@code ready} when it is up and then sleeps until killed.
 */
public final class Baselines {
    private Baselines() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "idle" -> System.out.println("ready");
            case "tray" -> {
                TrayIcon icon = new TrayIcon(new BufferedImage(24, 24, BufferedImage.TYPE_INT_ARGB), "baseline");
                icon.setPopupMenu(new java.awt.PopupMenu());
                SystemTray.getSystemTray().add(icon);
                System.out.println("ready");
            }
            case "fx" -> Platform.startup(() -> {
                Stage s = new Stage();
                s.setTitle("baseline window");
                s.setScene(new Scene(new Label("baseline"), 400, 300));
                s.show();
                System.out.println("ready");
            });
            default -> throw new IllegalArgumentException(args[0]);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
