package io.ntfybar.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.ui.publish.PublishStringsTestAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every text key the Preferences window's sources use exists in its strings.properties, choices included. */
class PreferencesStringsTest {
    @Test
    void everyKeyExists() throws Exception {
        List<String> dynamic = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            dynamic.add("minPriority." + p);
        }
        for (MuteDuration d : MuteDuration.values()) {
            dynamic.add("mute." + d.name());
        }
        for (String s : List.of("general", "notifications", "attachments", "history")) {
            dynamic.add("section." + s);
        }
        PreferencesViewModel.APPEARANCES.forEach(a -> dynamic.add("appearance." + a));
        PreferencesViewModel.AUTO_DOWNLOADS.forEach(a -> dynamic.add("autoDownload." + a));
        dynamic.addAll(List.of(
                "connectionAlert.never",
                "connectionAlert.afterMinutes",
                "connectionAlert.afterHours",
                "sound.none",
                "sound.default",
                "catchUp.label",
                "keepDays.label",
                "keepMessages.label",
                "server.label",
                "appearance.label",
                "minPriority.label",
                "sounds.label",
                "pause.label",
                "autoDownload.label"));
        List<String> missing = PublishStringsTestAccess.missing(
                PreferencesWindow.class, Path.of("src/main/java/io/ntfybar/ui/preferences"), dynamic);
        assertEquals(List.of(), missing);
    }
}
