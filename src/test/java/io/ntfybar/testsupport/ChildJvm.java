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

    /** Runs {@code main} to completion (at most 60 s) and returns its stdout; fails on a non-zero exit. */
    public static String run(Class<?> main, Map<String, String> env, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        return run(main, env, jvmArgs, java.time.Duration.ofSeconds(60), args);
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
