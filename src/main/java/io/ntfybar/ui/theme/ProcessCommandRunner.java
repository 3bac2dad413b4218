package io.ntfybar.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link CommandRunner} on {@link ProcessBuilder}, with a timeout so a hung helper never stalls the caller. */
final class ProcessCommandRunner implements CommandRunner {
    private static final Logger log = LoggerFactory.getLogger(ProcessCommandRunner.class);
    private final Duration timeout;
    private final Map<String, String> extraEnvironment;

    ProcessCommandRunner(Duration timeout) {
        this(timeout, Map.of());
    }

    /** {@code extraEnvironment} is added to this process's, e.g. to point gsettings at a test's own store. */
    ProcessCommandRunner(Duration timeout, Map<String, String> extraEnvironment) {
        this.timeout = timeout;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    @Override
    public Optional<Result> run(List<String> command) {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(extraEnvironment);
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            log.debug("Could not start {}: {}", command.get(0), e.getMessage());
            return Optional.empty();
        }
        // Read on another thread: a child that fills the pipe would otherwise never exit.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                log.debug("{} did not finish within {}", command.get(0), timeout);
                return Optional.empty();
            }
            return Optional.of(new Result(p.exitValue(), out.get(timeout.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
