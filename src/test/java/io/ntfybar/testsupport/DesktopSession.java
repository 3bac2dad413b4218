package io.ntfybar.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A private Linux desktop for tests: an Xvfb display, a private D-Bus session bus, the dunst notification daemon
 * and, on request, the trayer system-tray host. Each session picks its own free display and bus, so parallel builds
 * do not collide, and {@link #close()} stops every process it started.
 *
 * <p>dunst runs with a fake dmenu ({@link #pickFile()}): when a test writes an action key into that file and runs
 * {@code dunstctl context}, dunst invokes that action, as a user's click would. Every notification dunst shows is
 * appended to {@link #notificationLog()} by a dunst script rule (summary, body, urgency, app name).
 *
 * <p>Programs missing: {@link #start(boolean)} skips the test locally and fails it in CI.
 */
public final class DesktopSession implements AutoCloseable {
    /** Only bounds how long a broken machine takes to fail: Xvfb, dbus and dunst start in well under a second. */
    private static final Duration STARTUP = Await.DEFAULT_DEADLINE;

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private String display;
    private String busAddress;

    private DesktopSession(Path dir) {
        this.dir = dir;
    }

    /** Starts Xvfb, a session bus and dunst (and trayer when {@code withTray}); ready when this returns. */
    public static DesktopSession start(boolean withTray) throws IOException, InterruptedException {
        for (String program : withTray
                ? List.of("Xvfb", "dbus-daemon", "dunst", "dbus-send", "trayer")
                : List.of("Xvfb", "dbus-daemon", "dunst", "dbus-send")) {
            DesktopTests.require(onPath(program), program + " is not installed");
        }
        DesktopSession s = new DesktopSession(Files.createTempDirectory("ntfybar-desktop"));
        try {
            s.startX();
            s.startBus();
            s.startDunst();
            if (withTray) {
                s.startTray();
            }
            return s;
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** The X display, e.g. {@code :93}. */
    public String display() {
        return display;
    }

    /** The private session bus address, for D-Bus clients in this JVM. */
    public String busAddress() {
        return busAddress;
    }

    /** Environment for child processes that should live on this desktop. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", display);
        env.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
        env.put("DUNST_PICK_FILE", pickFile().toString());
        return env;
    }

    /** Write an action key here, then run {@code dunstctl context}, to invoke that action of the newest popup. */
    public Path pickFile() {
        return dir.resolve("pick");
    }

    /** One line per notification dunst showed: {@code appname|summary|body|urgency}, newlines in the body as {@code \\n}. */
    public Path notificationLog() {
        return dir.resolve("notifications.log");
    }

    /**
     * Runs a program on this desktop and returns its stdout; fails on a non-zero exit or when it hangs (after
     * {@link Await#DEFAULT_DEADLINE}).
     */
    public String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env());
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p));
        if (!p.waitFor(Await.DEFAULT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + Await.DEFAULT_DEADLINE);
        }
        String text = out.join();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    /** Where a window is on the screen: x, y (absolute), width, height. */
    public record Geometry(int x, int y, int width, int height) {
        public int centerX() {
            return x + width / 2;
        }

        public int centerY() {
            return y + height / 2;
        }
    }

    /**
     * The first mapped window whose name or class line in {@code xwininfo -root -tree} contains {@code text} (e.g.
     * {@code JavaEmbeddedFrame} for an AWT tray icon, {@code XPopupMenuPeer} for its menu), or empty.
     */
    public java.util.Optional<Geometry> findWindow(String text) throws IOException, InterruptedException {
        java.util.regex.Pattern geo =
                java.util.regex.Pattern.compile("(\\d+)x(\\d+)[+-]-?\\d+[+-]-?\\d+\\s+\\+(-?\\d+)\\+(-?\\d+)");
        for (String line : run("xwininfo", "-root", "-tree").split("\n")) {
            if (line.contains(text)) {
                java.util.regex.Matcher m = geo.matcher(line);
                if (m.find()) {
                    int w = Integer.parseInt(m.group(1));
                    int h = Integer.parseInt(m.group(2));
                    if (w > 1 && h > 1) {
                        return java.util.Optional.of(
                                new Geometry(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), w, h));
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The X id of a mapped window with this title, waiting for it (xdotool's own --sync gives up after 0.5 s; it exits
     * 1 while nothing matches, which {@link Await} takes as "not yet").
     */
    public String awaitVisible(String title) {
        return Await.value(
                "a visible window '" + title + "'",
                () -> run("xdotool", "search", "--onlyvisible", "--name", title)
                        .strip()
                        .split("\n")[0],
                id -> !id.isEmpty());
    }

    /**
     * Whether some client holds an active keyboard grab (an open AWT popup menu does), asked without ever taking the
     * grab: XGrabKeyboard answers AlreadyGrabbed before it looks at the time, and the time given lies ahead of the
     * server's clock (both count milliseconds of CLOCK_MONOTONIC), so a free keyboard answers GrabInvalidTime instead
     * of being grabbed. Needs python3 (its ctypes) and libX11.
     */
    public boolean keyboardGrabbed() throws IOException, InterruptedException {
        String answer = run("python3", "-c", GRAB_PROBE).strip();
        return switch (answer) {
            case "1" -> true; // AlreadyGrabbed
            case "2" -> false; // GrabInvalidTime: nobody holds it
            default -> throw new IllegalStateException("XGrabKeyboard answered " + answer);
        };
    }

    private static final String GRAB_PROBE =
            """
            import ctypes, time
            x = ctypes.CDLL("libX11.so.6")
            x.XOpenDisplay.restype = ctypes.c_void_p
            x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
            x.XDefaultRootWindow.restype = ctypes.c_ulong
            x.XGrabKeyboard.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                        ctypes.c_ulong]
            x.XUngrabKeyboard.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
            d = x.XOpenDisplay(None)
            ahead = (int(time.clock_gettime(time.CLOCK_MONOTONIC) * 1000) + (1 << 30)) & 0xFFFFFFFF
            status = x.XGrabKeyboard(d, x.XDefaultRootWindow(d), 0, 1, 1, ahead)
            if status == 0:
                x.XUngrabKeyboard(d, 0)
            print(status)
            """;

    /** Waits until a mapped window with this title exists and returns where it is ({@code xdotool}, {@code xwininfo}). */
    public Geometry visibleWindow(String title) throws IOException, InterruptedException {
        String id = awaitVisible(title);
        String info = run("xwininfo", "-id", id);
        return new Geometry(
                field(info, "Absolute upper-left X:"),
                field(info, "Absolute upper-left Y:"),
                field(info, "Width:"),
                field(info, "Height:"));
    }

    private static int field(String xwininfo, String name) {
        for (String line : xwininfo.split("\n")) {
            if (line.strip().startsWith(name)) {
                return Integer.parseInt(line.strip().substring(name.length()).strip());
            }
        }
        throw new IllegalStateException("no '" + name + "' in " + xwininfo);
    }

    /** Waits for {@link #findWindow} to find a window. */
    public Geometry awaitWindow(String text) {
        return Await.value("a window '" + text + "'", () -> findWindow(text), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private void startX() throws IOException, InterruptedException {
        // -displayfd 1: Xvfb picks a free display itself and prints its number when it is ready for clients.
        Process x =
                spawn(List.of("Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"), Map.of());
        display = ":" + firstLine(x, "Xvfb").trim();
    }

    private void startBus() throws IOException, InterruptedException {
        Process bus = spawn(
                List.of("dbus-daemon", "--session", "--nofork", "--print-address=1", "--address=unix:tmpdir=" + dir),
                Map.of());
        busAddress = firstLine(bus, "dbus-daemon").trim();
    }

    private void startDunst() throws IOException, InterruptedException {
        Path pick = dir.resolve("pick-action.sh");
        Files.writeString(
                pick,
                """
                #!/bin/sh
                # Fake dmenu: dunst offers lines like "#Label (Summary) [id,key]"; answer the one whose key is in
                # $DUNST_PICK_FILE, else the first. dunst lists actions in reverse order, so match by key.
                menu=$(cat)
                key=$(cat "$DUNST_PICK_FILE" 2>/dev/null)
                if [ -n "$key" ]; then
                  printf '%s\\n' "$menu" | grep -F ",$key]" | head -n 1
                else
                  printf '%s\\n' "$menu" | head -n 1
                fi
                """);
        Path log = dir.resolve("log-notification.sh");
        Files.writeString(
                log,
                """
                #!/bin/sh
                # One line per notification: a newline inside the body is written as the two characters \\n.
                body=$(printf '%s' "$DUNST_BODY" | awk 'NR > 1 { printf "\\\\n" } { printf "%s", $0 }')
                printf '%s|%s|%s|%s\\n' "$DUNST_APP_NAME" "$DUNST_SUMMARY" "$body" "$DUNST_URGENCY" \
                  >> "$(dirname "$0")/notifications.log"
                """);
        for (Path p : List.of(pick, log)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        }
        Path rc = dir.resolve("dunstrc");
        Files.writeString(
                rc,
                """
                [global]
                    dmenu = %s -p dunst
                    mouse_left_click = do_action, close_current
                [urgency_critical]
                    timeout = 0
                [log-all]
                    summary = "*"
                    script = %s
                """
                        .formatted(pick, log));
        spawn(List.of("dunst", "-config", rc.toString()), env());
        awaitNotificationDaemon();
    }

    private void startTray() throws IOException, InterruptedException {
        spawn(
                List.of(
                        "trayer",
                        "--edge",
                        "bottom",
                        "--align",
                        "left",
                        "--widthtype",
                        "pixel",
                        "--width",
                        "200",
                        "--heighttype",
                        "pixel",
                        "--height",
                        "32",
                        "--transparent",
                        "false",
                        "--tint",
                        "0x444444"),
                env());
        Await.until("trayer's panel", () -> run("xwininfo", "-root", "-tree").contains("panel"));
    }

    /**
     * Starts gnome-keyring's Secret Service on this session's bus, with a fresh, unlocked login keyring in a
     * throwaway home folder. Skips locally (fails in CI) when gnome-keyring is not installed.
     */
    public void startKeyring() throws IOException, InterruptedException {
        DesktopTests.require(onPath("gnome-keyring-daemon"), "gnome-keyring-daemon is not installed");
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = new HashMap<>(env());
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put(
                "XDG_RUNTIME_DIR",
                Files.createDirectories(dir.resolve("runtime")).toString());
        Process daemon =
                spawn(List.of("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"), env);
        daemon.getOutputStream().write("test-keyring-password".getBytes(StandardCharsets.UTF_8));
        daemon.getOutputStream().close();
        Await.until("gnome-keyring on the session bus", () -> run(
                        "dbus-send",
                        "--session",
                        "--print-reply",
                        "--dest=org.freedesktop.DBus",
                        "/org/freedesktop/DBus",
                        "org.freedesktop.DBus.NameHasOwner",
                        "string:org.freedesktop.secrets")
                .contains("boolean true"));
    }

    /** dbus-send fails while dunst has not taken its name on the bus; Await shows the last failure. */
    private void awaitNotificationDaemon() {
        Await.value(
                "dunst to answer on the session bus",
                () -> run(
                        "dbus-send",
                        "--session",
                        "--print-reply",
                        "--dest=org.freedesktop.Notifications",
                        "/org/freedesktop/Notifications",
                        "org.freedesktop.Notifications.GetServerInformation"),
                reply -> true);
    }

    private Process spawn(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(dir.resolve(command.get(0) + ".err").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private String firstLine(Process p, String name) throws IOException, InterruptedException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String l = line.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
            if (l == null || l.isBlank()) {
                throw new IOException(name + " exited without starting; see " + dir.resolve(name + ".err"));
            }
            return l;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(name + " did not start within " + STARTUP, e);
        }
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
