package io.ntfybar.app;

import io.ntfybar.app.linux.XdgAutostart;
import io.ntfybar.app.mac.MacLoginItem;
import io.ntfybar.settings.AppLauncher;
import io.ntfybar.ui.LoginItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@link LoginItem} for this operating system and the way ntfybar was started. */
final class LoginItems {
    private LoginItems() {}

    /**
     * macOS: SMAppService from the installed app, else a LaunchAgent. Windows: not yet. Linux and other Unix desktops:
     * XDG autostart ({@code ntfybar.autostart-dir} overrides the folder, for tests).
     */
    static LoginItem forThisProcess() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home", ".");
        Optional<List<String>> command = AppLauncher.current();
        if (os.contains("mac")) {
            String app = System.getProperty("jpackage.app-path", "");
            return MacLoginItem.system(app.contains(".app/Contents/"), home, command);
        }
        if (os.contains("win")) {
            return LoginItem.unsupported("not available on Windows yet");
        }
        String override = System.getProperty("ntfybar.autostart-dir");
        Path folder = override != null && !override.isBlank()
                ? Path.of(override)
                : XdgAutostart.folder(System.getenv(), home);
        return new XdgAutostart(folder, command);
    }
}
