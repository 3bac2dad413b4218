package io.ntfybar.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.model.Priority;
import io.ntfybar.settings.NotificationSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.settings.SettingsFile;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesViewModelTest {
    @TempDir
    Path home;

    static Settings file(TestCore t) {
        return new SettingsFile(t.core.paths().config()).load();
    }

    static PreferencesViewModel open(TestCore t) {
        PreferencesViewModel vm = new PreferencesViewModel(t.core, UiThreads.direct());
        vm.load();
        return vm;
    }

    @Test
    void everyControlIsSavedToSettingsYmlAtOnce() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PreferencesViewModel vm = open(t);
            assertEquals("https://ntfy.sh", vm.defaultServer.get());
            assertEquals("default", vm.soundProperty(3).get());
            assertEquals("none", vm.soundProperty(1).get());

            vm.defaultServer.set("ntfy.example.com/");
            vm.commitDefaultServer();
            assertEquals("https://ntfy.example.com", file(t).defaultServer());

            vm.appearance.set("dark");
            assertEquals("dark", file(t).appearance());
            vm.launchAtLogin.set(true);
            assertTrue(file(t).launchAtLogin());
            Path autostart = home.resolve("autostart/ntfybar.desktop");
            assertTrue(Files.readString(autostart).contains("Exec=/opt/ntfybar/bin/ntfybar\n"), "XDG autostart");
            assertTrue(t.core.loginItem().isEnabled());
            vm.minPriority.set(Priority.HIGH);
            assertEquals(4, file(t).minPriority());
            vm.soundProperty(2).set("default");
            vm.soundProperty(5).set("none");
            NotificationSettings n = file(t).notifications();
            assertEquals("default", n.soundFor(2));
            assertEquals(null, n.soundFor(5));
            assertEquals("default", n.soundFor(4), "untouched priorities keep their sound");
            vm.insistent.set(true);
            assertTrue(file(t).notifications().insistent());
            vm.catchUpSummary.set(12);
            assertEquals(12, file(t).notifications().catchUpSummary());
            vm.autoDownload.set("50m");
            assertEquals("50m", file(t).notifications().autoDownload());
            assertEquals(0, vm.connectionAlert.get(), "the connection alert is off by default");
            vm.connectionAlert.set(15);
            assertEquals(15, file(t).connectionAlert().afterMinutes());
            assertTrue(Files.readString(home.resolve("config/settings.yml")).contains("after-minutes: 15"));
            vm.keepDays.set(7);
            vm.keepMessages.set(500);
            assertEquals(7, file(t).retention().keepDays());
            assertEquals(500, file(t).retention().keepMessages());
            assertEquals(file(t), t.core.settings(), "the running app has what the file has");
            assertEquals("", vm.saveErrorProperty().get());
        }
    }

    @Test
    void launchAtLoginFollowsTheSystemAndARefusalFlipsBack() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            Path desktop = home.resolve("autostart/ntfybar.desktop");
            Files.createDirectories(desktop.getParent());
            Files.writeString(desktop, "[Desktop Entry]\nType=Application\nExec=ntfybar\n");
            PreferencesViewModel vm = open(t);
            assertTrue(vm.launchAvailableProperty().get());
            assertTrue(vm.launchAtLogin.get(), "an entry made outside the app shows as on");
            vm.launchAtLogin.set(false);
            assertFalse(Files.exists(desktop));
            assertFalse(file(t).launchAtLogin());

            Files.delete(desktop.getParent());
            Files.writeString(desktop.getParent(), "a file where the folder should be");
            vm.launchAtLogin.set(true);
            assertFalse(vm.launchAtLogin.get(), "the switch flips back when the system refuses");
            assertTrue(
                    vm.launchNoteProperty().get().startsWith("Could not write"),
                    vm.launchNoteProperty().get());
            assertFalse(file(t).launchAtLogin(), "nothing recorded");

            t.core.withLoginItem(io.ntfybar.ui.LoginItem.unsupported("not available on Windows yet"));
            PreferencesViewModel other = open(t);
            assertFalse(other.launchAvailableProperty().get());
            assertEquals(
                    "Not available on Windows yet.", other.launchNoteProperty().get());
        }
    }

    @Test
    void pauseAndResumeSaveMutedUntilAndSaySo() {
        try (TestCore t = TestCore.start(home)) {
            PreferencesViewModel vm = open(t);
            assertEquals("Notifications are on.", vm.pauseStatusProperty().get());
            long before = Instant.now().getEpochSecond();
            vm.pause(MuteDuration.HOUR_1);
            long until = file(t).notifications().mutedUntil();
            assertTrue(until >= before + 3600 && until <= before + 3610, "muted until " + until);
            assertTrue(vm.pausedProperty().get());
            assertTrue(vm.pauseStatusProperty().get().startsWith("Notifications are paused until "));
            vm.pause(MuteDuration.UNTIL_RESUMED);
            assertEquals(-1L, file(t).notifications().mutedUntil());
            assertEquals(
                    "Notifications are paused until you resume them.",
                    vm.pauseStatusProperty().get());
            vm.resume();
            assertEquals(0L, file(t).notifications().mutedUntil());
            assertFalse(vm.pausedProperty().get());
        }
    }

    @Test
    void anInvalidDefaultServerIsRefusedWithAMessage() {
        try (TestCore t = TestCore.start(home)) {
            PreferencesViewModel vm = open(t);
            vm.defaultServer.set("ftp://files.example.com");
            assertTrue(
                    vm.defaultServerErrorProperty().get().startsWith("The server URL must start with http"),
                    vm.defaultServerErrorProperty().get());
            vm.commitDefaultServer();
            assertEquals("https://ntfy.sh", t.core.settings().defaultServer());
            assertFalse(Files.exists(t.core.paths().config().resolve(SettingsFile.NAME)), "nothing was written");
            vm.load();
            assertEquals("https://ntfy.sh", vm.defaultServer.get(), "showing again drops what was never saved");
            assertEquals("", vm.defaultServerErrorProperty().get());
            vm.defaultServer.set("http://10.0.0.5:8080");
            assertEquals("", vm.defaultServerErrorProperty().get());
            vm.commitDefaultServer();
            assertEquals("http://10.0.0.5:8080", file(t).defaultServer());
        }
    }

    @Test
    void aBrokenSettingsFileIsShownAndSetAsideByTheFirstChange() throws Exception {
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve(SettingsFile.NAME), "min-priority: [oops\n");
        try (TestCore t = TestCore.start(home)) {
            PreferencesViewModel vm = open(t);
            String problem = vm.problemProperty().get();
            assertTrue(problem.contains("is not valid") && problem.contains("keeps that file aside"), problem);
            vm.minPriority.set(Priority.LOW);
            assertEquals(2, file(t).minPriority());
            assertTrue(vm.problemProperty().get().startsWith("The broken settings file was kept aside"));
            try (Stream<Path> files = Files.list(config)) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("settings.yml.broken-")));
            }
        }
    }

    @Test
    void aSettingsFileThatCannotBeWrittenIsReportedAndTheControlShowsWhatIsInEffect() throws Exception {
        try (TestCore t = TestCore.start(home)) {
            PreferencesViewModel vm = open(t);
            Path blocker = t.core.paths().config().resolve(SettingsFile.NAME);
            Files.createDirectories(blocker.resolve("in-the-way"));
            vm.insistent.set(true);
            assertFalse(vm.saveErrorProperty().get().isEmpty());
            assertTrue(vm.saveErrorProperty().get().startsWith("Could not save the setting: "));
            assertFalse(vm.insistent.get(), "the checkbox shows the setting in effect");
            assertFalse(t.core.settings().notifications().insistent());
        }
    }

    @Test
    void changesMadeElsewhereShowUp() {
        try (TestCore t = TestCore.start(home)) {
            PreferencesViewModel vm = open(t);
            t.core.updateSettings(s -> s.withMinPriority(5)
                    .withNotifications(s.notifications().withMutedUntil(NotificationSettings.MUTED_UNTIL_RESUMED)));
            assertEquals(Priority.MAX, vm.minPriority.get());
            assertTrue(vm.pausedProperty().get());
        }
    }
}
