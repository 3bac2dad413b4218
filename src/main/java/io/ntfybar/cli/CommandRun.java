package io.ntfybar.cli;

import io.ntfybar.settings.ShellWords;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one command the way a shell runs a foreground job, for {@code ntfybar done}: directly (no shell in between), in
 * ntfybar's own process group, with ntfybar's standard input, output and error, and waits for it.
 *
 * <p>Ctrl-C: the terminal sends SIGINT to the whole foreground process group, so the command gets it as it would from
 * a shell. While the command runs, ntfybar itself ignores SIGINT at the Java level (as a shell does), so that a
 * command that handles Ctrl-C and carries on is still waited for; the OS-level handler stays the JVM's, so the command
 * starts with the default disposition and Ctrl-C ends it unless it says otherwise. Other signals end ntfybar as usual.
 *
 * <p>When ntfybar's standard streams are not the process's own (tests, embedding), the command's streams are piped to
 * and from them instead. Blocks the calling thread; not thread-safe (it changes the process's SIGINT handler).
 */
final class CommandRun {
    /** Exit code of a command that was not found, as shells use it. */
    static final int NOT_FOUND = 127;
    /** Exit code of a command that was found but could not be executed, as shells use it. */
    static final int NOT_EXECUTABLE = 126;

    private static final Pattern ERRNO = Pattern.compile("error=(\\d+)");

    /**
     * How the run ended.
     *
     * @param finished the command, its exit code and how long it ran
     * @param startError a sentence when the command could not be started (then the exit code is 126 or 127)
     */
    record Result(Finished finished, String startError) {
        int exitCode() {
            return finished.exitCode().orElseThrow();
        }
    }

    private CommandRun() {}

    /**
     * Runs {@code command} to its end.
     *
     * @param inheritIo true when ntfybar's streams are the process's own: the command then uses them directly
     * @param in ntfybar's standard input (used when not {@code inheritIo})
     */
    static Result run(List<String> command, boolean inheritIo, InputStream in, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (inheritIo) {
            pb.inheritIO();
        }
        Runnable restoreSigint = ignoreSigint();
        long start = System.nanoTime();
        try {
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return startFailed(command, e, Duration.ofNanos(System.nanoTime() - start));
            }
            List<Thread> pumps = inheritIo ? List.of() : pump(p, in, out, err);
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                p.destroy(); // ntfybar is being stopped from inside the JVM: the command must not outlive it
                throw e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            for (Thread t : pumps) {
                t.join(2_000);
            }
            out.flush();
            err.flush();
            return new Result(Finished.command(command, code, took), null);
        } finally {
            restoreSigint.run();
        }
    }

    private static Result startFailed(List<String> command, IOException e, Duration took) {
        String text = String.valueOf(e.getMessage());
        Matcher m = ERRNO.matcher(text);
        int errno = m.find() ? Integer.parseInt(m.group(1)) : 2;
        String program = ShellWords.quote(command.get(0));
        // errno 2 ENOENT: not found; 13 EACCES: a directory or a file without execute permission.
        if (errno == 13) {
            return new Result(
                    Finished.command(command, NOT_EXECUTABLE, took),
                    "cannot run " + program + ": permission denied (not an executable file)");
        }
        String why = errno == 2 ? "no such program (not found on the PATH)" : text;
        return new Result(Finished.command(command, NOT_FOUND, took), "cannot run " + program + ": " + why);
    }

    /** Copies the command's output to {@code out}/{@code err} and {@code in} to its input, each on its own thread. */
    private static List<Thread> pump(Process p, InputStream in, PrintWriter out, PrintWriter err) {
        Charset cs = Charset.defaultCharset();
        Thread o = MessageCommand.copy(p.getInputStream(), cs, out, out, "ntfybar-done-out");
        Thread e = MessageCommand.copy(p.getErrorStream(), cs, err, err, "ntfybar-done-err");
        Thread i = new Thread(
                () -> {
                    try (OutputStream to = p.getOutputStream()) {
                        in.transferTo(to);
                    } catch (IOException ignored) {
                        // the command closed its input or ended: nothing more to give it
                    }
                },
                "ntfybar-done-in");
        i.setDaemon(true);
        i.start();
        return List.of(o, e);
    }

    /**
     * Replaces the JVM's SIGINT handler (which would exit) by one that does nothing, through
     * {@code sun.misc.Signal} (module jdk.unsupported, exported for this use), reached reflectively so that the build
     * stays free of internal-API warnings. Returns how to put the old handler back; a no-op where that is not possible
     * (no SIGINT on this platform, or the JVM runs with -Xrs).
     */
    private static Runnable ignoreSigint() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object sigint = signalClass.getConstructor(String.class).newInstance("INT");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object noting = Proxy.newProxyInstance(
                    handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            return null; // the command got the same SIGINT and decides for itself
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "ntfybar SIGINT handler";
                        };
                    });
            Object previous = handle.invoke(null, sigint, noting);
            return () -> {
                try {
                    handle.invoke(null, sigint, previous);
                } catch (ReflectiveOperationException e) {
                    // the handler stays ours; it only notes signals
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return () -> {};
        }
    }
}
