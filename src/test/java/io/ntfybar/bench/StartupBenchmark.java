package io.ntfybar.bench;

import io.ntfybar.app.Main;
import io.ntfybar.model.Subscription;
import io.ntfybar.store.Database;
import io.ntfybar.store.SubscriptionStore;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time and idle memory of the desktop app under Xvfb with a tray host (docs/benchmarks.md), beside
 * the floors of the same run: an idle JVM, a JVM with one AWT tray icon, a JVM with one bare JavaFX window.
 *
 * <p>Per run: a fresh home with three subscriptions on the loopback test server; the app is started with
 * {@code ntfybar.startup-report}; measured from process spawn: the tray icon added, every connection open. Resident
 * memory (VmRSS) after 8 s idle with the tray only; then a left click on the tray icon opens the messages window
 * (JavaFX starts), RSS with it open; Ctrl+W closes it, RSS 8 s later.
 *
 * <p>{@code java -cp "$CP" io.ntfybar.bench.StartupBenchmark [runs] [extra JVM options for the app...]}; with
 * {@code -Dbench.jar=target/ntfybar.jar} the app is started from that jar ({@code -jar}), as a user starts it, which
 * class-data sharing ({@code -XX:SharedArchiveFile}) needs; with {@code -Dbench.launcher=/usr/bin/ntfybar} through an
 * installed package's launcher, the extra options then going in through {@code JAVA_TOOL_OPTIONS}.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> jvmOptions = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        try (DesktopSession desktop = DesktopSession.start(true);
                NtfyTestServer server = NtfyTestServer.start()) {
            System.out.printf("%-34s %10s%n", "baseline (same run)", "RSS MB");
            for (String kind : List.of("idle", "tray", "fx")) {
                Process p = spawn(desktop, List.of(), Baselines.class.getName(), kind);
                ChildJvm.awaitLines(p, "ready");
                // What is measured is the resident size after some seconds idle, so these pauses are part of it.
                Thread.sleep(5000);
                System.out.printf("%-34s %10.1f%n", kind, rssMb(p));
                stop(p);
            }
            System.out.println();
            System.out.printf(
                    "%-4s %12s %14s %12s %14s %12s %12s%n",
                    "run", "tray ms", "connected ms", "tray RSS", "window ms", "window RSS", "closed RSS");
            for (int i = 1; i <= runs; i++) {
                Path home = Files.createTempDirectory("ntfybar-startup");
                try (Database db = Database.open(home.resolve("data"))) {
                    SubscriptionStore subs = new SubscriptionStore(db);
                    for (String t : List.of("alerts", "backups", "builds")) {
                        subs.add(Subscription.of(server.baseUrl(), t).withInitialFetchDone(true));
                    }
                }
                List<String> opts = new ArrayList<>(jvmOptions);
                opts.add("-Dntfybar.home=" + home);
                opts.add("-Dntfybar.startup-report=true");
                long t0 = System.nanoTime();
                String jar = System.getProperty("bench.jar");
                String launcher = System.getProperty("bench.launcher");
                Process app = launcher != null
                        ? spawnLauncher(desktop, opts, launcher)
                        : jar == null ? spawn(desktop, opts, Main.class.getName()) : spawnJar(desktop, opts, jar);
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
                long tray = -1;
                long connected = -1;
                while (tray < 0 || connected < 0) {
                    String line = out.readLine();
                    if (line == null) {
                        throw new IOException("the app ended before it was up");
                    }
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (line.startsWith("startup tray")) {
                        tray = ms;
                    } else if (line.startsWith("startup connected")) {
                        connected = ms;
                    }
                }
                Thread.sleep(8000);
                double trayRss = rssMb(app);
                DesktopSession.Geometry icon = desktop.awaitWindow("JavaEmbeddedFrame");
                long c0 = System.nanoTime();
                desktop.run("xdotool", "mousemove", "" + icon.centerX(), "" + icon.centerY(), "click", "1");
                desktop.awaitVisible("Messages — ntfybar");
                long window = (System.nanoTime() - c0) / 1_000_000;
                Thread.sleep(3000);
                double windowRss = rssMb(app);
                // No window manager on Xvfb: give the window the keyboard focus, then press the shortcut.
                desktop.run("xdotool", "search", "--onlyvisible", "--name", "Messages — ntfybar", "windowfocus");
                desktop.run("xdotool", "key", "ctrl+w");
                Thread.sleep(8000);
                double closedRss = rssMb(app);
                System.out.printf(
                        "%-4d %12d %14d %12.1f %14d %12.1f %12.1f%n",
                        i, tray, connected, trayRss, window, windowRss, closedRss);
                stop(app);
            }
        }
    }

    private static Process spawn(DesktopSession desktop, List<String> jvmOptions, String main, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(desktop.env());
        return pb.start();
    }

    private static Process spawnJar(DesktopSession desktop, List<String> jvmOptions, String jar) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(desktop.env());
        return pb.start();
    }

    private static Process spawnLauncher(DesktopSession desktop, List<String> jvmOptions, String launcher)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(launcher).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(desktop.env());
        pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
        return pb.start();
    }

    static double rssMb(Process p) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for " + p.pid());
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}
