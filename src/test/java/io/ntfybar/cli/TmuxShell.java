package io.ntfybar.cli;

import io.ntfybar.settings.ShellWords;
import io.ntfybar.testsupport.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real interactive shell on a pseudo-terminal: a detached tmux session on a private socket, typed into with
 * {@code send-keys} and read with {@code capture-pane}, as a person would use it. The shell gets exactly the
 * environment given (nothing of the test JVM's), so no user rc file or terminal setting leaks in.
 */
final class TmuxShell implements AutoCloseable {
    private final Path socket;

    private TmuxShell(Path socket) {
        this.socket = socket;
    }

    /** Starts {@code command} (e.g. {@code bash -i}) with only {@code env} in a 200x50 pane. */
    static TmuxShell start(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        TmuxShell s = new TmuxShell(dir.resolve("tmux.sock"));
        List<String> line = new ArrayList<>(List.of("env", "-i"));
        env.forEach((k, v) -> line.add(k + "=" + v));
        line.addAll(List.of(command));
        s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50", ShellWords.command(line));
        return s;
    }

    /** True when tmux can be run here. */
    static boolean available() {
        try {
            Process p =
                    new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Types {@code text} literally, then Enter. */
    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-l", text);
        tmux("send-keys", "Enter");
    }

    /** Types {@code echo MARKER} and waits until the shell has printed it: every line typed before has run. */
    void sync(String marker) {
        try {
            type("echo " + marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        Await.value("the shell to print " + marker, this::screen, screen -> screen.lines()
                .anyMatch(l -> l.strip().equals(marker)));
    }

    /** The pane's text, with its scroll-back. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-1000");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TMUX");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            tmux("kill-server");
        } catch (IOException e) {
            // the server ended with its last session already
        }
    }
}
