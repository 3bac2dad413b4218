package io.ntfybar.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts a {@code main} class of the test class path in a second JVM: for what one process cannot test in itself
 * (killing a process, a second process holding a lock, an environment the parent JVM cannot change).
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** The command line that starts {@code main} of the test class path in a new JVM with these JVM arguments. */
    public static List<String> command(Class<?> main, List<String> jvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(jvmArgs);
        cmd.add(main.getName());
        return cmd;
    }

    /** Starts {@code main} with extra environment variables and system properties; stderr is discarded. */
    public static Process start(Class<?> main, Map<String, String> env, List<String> jvmArgs, String... args)
            throws IOException {
        List<String> cmd = command(main, jvmArgs);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * Generous: a child JVM that starts the whole app on a busy two-core machine, next to other builds, can take many
     * times its usual few seconds; only a broken child should ever reach it.
     */
    public static final java.time.Duration CHILD_DEADLINE = Await.DEFAULT_DEADLINE.multipliedBy(3);

    /**
     * Reads the child's stdout until a line starting with each prefix has been seen, in any order (the app's start-up
     * report lines race each other). A child that ends fails at once with what it printed; one that stays silent
     * fails after {@link #CHILD_DEADLINE} instead of blocking the test for ever. Reading goes on in the background
     * afterwards, so that the child never blocks on a full pipe.
     */
    public static void awaitLines(Process p, String... prefixes) {
        java.util.concurrent.BlockingQueue<String> lines = READERS.computeIfAbsent(p, ChildJvm::reader);
        List<String> missing = new ArrayList<>(List.of(prefixes));
        List<String> seen = new ArrayList<>();
        Await.until("the child to print lines starting with " + List.of(prefixes), CHILD_DEADLINE, () -> {
            for (String line; (line = lines.poll()) != null; ) {
                if (line == END) {
                    // An Error, not an Exception: Await would take an exception for "not yet" and wait on.
                    throw new AssertionError("the child ended before it printed " + missing + "; it printed " + seen);
                }
                seen.add(line);
                missing.removeIf(line::startsWith);
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("still missing " + missing + "; printed so far " + seen);
            }
            return true;
        });
    }

    private static final String END = new String("end of output");
    private static final Map<Process, java.util.concurrent.BlockingQueue<String>> READERS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static java.util.concurrent.BlockingQueue<String> reader(Process p) {
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread t = new Thread(
                () -> {
                    try (java.io.BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
                        for (String line; (line = r.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        // the child was killed: the reader sees the end
                    }
                    lines.add(END);
                },
                "child-stdout-" + p.pid());
        t.setDaemon(true);
        t.start();
        return lines;
    }

    /** Runs {@code main} to completion (at most {@link #CHILD_DEADLINE}) and returns its stdout; fails on a non-zero exit. */
    public static String run(Class<?> main, Map<String, String> env, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        return run(main, env, jvmArgs, CHILD_DEADLINE, args);
    }

    /** Runs {@code main} to completion (at most {@code limit}) and returns its stdout; fails on a non-zero exit. */
    public static String run(
            Class<?> main, Map<String, String> env, List<String> jvmArgs, java.time.Duration limit, String... args)
            throws IOException, InterruptedException {
        Process p = start(main, env, jvmArgs, args);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(main.getSimpleName() + " did not finish in " + limit.toSeconds() + " s");
        }
        String text = out.join();
        if (p.exitValue() != 0) {
            throw new IOException(main.getSimpleName() + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }
}
