package io.ntfybar.app.linux;

import io.ntfybar.ui.LoginItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Launch at login on Linux desktops, by the freedesktop Autostart specification: {@code ntfybar.desktop} in
 * {@code $XDG_CONFIG_HOME/autostart} ({@code ~/.config/autostart}). Switching off deletes the file; a file the user
 * disabled with {@code Hidden=true} (or GNOME's {@code X-GNOME-Autostart-enabled=false}) counts as off. Thread-safe.
 */
public final class XdgAutostart implements LoginItem {
    static final String FILE = "ntfybar.desktop";

    private final Path folder;
    private final Optional<List<String>> command;

    /** @param command the launcher's words; empty when this ntfybar cannot be started from outside */
    public XdgAutostart(Path folder, Optional<List<String>> command) {
        this.folder = folder;
        this.command = command;
    }

    /** The autostart folder for this environment. */
    public static Path folder(Map<String, String> env, String userHome) {
        String config = env.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() && Path.of(config).isAbsolute()
                ? Path.of(config)
                : Path.of(userHome, ".config");
        return base.resolve("autostart");
    }

    Path file() {
        return folder.resolve(FILE);
    }

    @Override
    public Optional<String> unavailable() {
        return command.isPresent()
                ? Optional.empty()
                : Optional.of("available when ntfybar runs from its installed package or its jar");
    }

    @Override
    public synchronized boolean isEnabled() {
        try {
            List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
            return lines.stream()
                    .map(String::strip)
                    .noneMatch(l ->
                            l.equalsIgnoreCase("Hidden=true") || l.equalsIgnoreCase("X-GNOME-Autostart-enabled=false"));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void setEnabled(boolean on) {
        try {
            if (!on) {
                Files.deleteIfExists(file());
                return;
            }
            List<String> cmd = command.orElseThrow(
                    () -> new IllegalStateException(unavailable().orElseThrow()));
            Files.createDirectories(folder);
            Path tmp = folder.resolve(FILE + ".tmp");
            Files.writeString(tmp, entry(cmd), StandardCharsets.UTF_8);
            Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not " + (on ? "write " : "remove ") + file() + ": " + e.getMessage(), e);
        }
    }

    /** The desktop entry that starts {@code cmd}. */
    static String entry(List<String> cmd) {
        return String.join(
                        "\n",
                        "[Desktop Entry]",
                        "Type=Application",
                        "Name=ntfybar",
                        "Comment=ntfy notifications in the menu bar",
                        "Exec=" + cmd.stream().map(XdgAutostart::execArg).collect(Collectors.joining(" ")),
                        "Icon=ntfybar",
                        "Terminal=false",
                        "X-GNOME-Autostart-enabled=true")
                + "\n";
    }

    /**
     * One argument of an {@code Exec} key, quoted by the Desktop Entry specification: in double quotes when it holds a
     * reserved character, with {@code "}, {@code `}, {@code $} and {@code \} escaped by a backslash; {@code %} is
     * doubled everywhere (field codes); and the key's value escapes a backslash once more as a string.
     */
    static String execArg(String arg) {
        String s = arg.replace("%", "%%");
        boolean reserved = s.isEmpty() || s.chars().anyMatch(c -> " \t\n\"'\\><~|&;$*?#()`".indexOf(c) >= 0);
        if (!reserved) {
            return s;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString().replace("\\", "\\\\");
    }
}
