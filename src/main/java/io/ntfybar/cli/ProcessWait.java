package io.ntfybar.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * {@code ntfybar done --pid}: waits for a process that ntfybar did not start. Its exit code cannot be known (only a
 * parent learns it), so the result only says that it finished, and how long it ran: from the process's start when the
 * OS tells it, else from when the waiting began.
 */
final class ProcessWait {
    private ProcessWait() {}

    /**
     * Waits until process {@code pid} has ended; blocks the calling thread.
     *
     * @return how it ended, or empty after a sentence on {@code err} when there is no such process to wait for
     */
    static Optional<Finished> await(long pid, PrintWriter err) {
        Instant waitStart = Instant.now();
        if (pid == ProcessHandle.current().pid()) {
            return fail(err, "process " + pid + " is ntfybar itself; give the id of another process");
        }
        Optional<ProcessHandle> handle = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return fail(err, "no process with id " + pid + " is running");
        }
        ProcessHandle.Info info = handle.get().info();
        String name = info.command()
                .map(c -> Path.of(c).getFileName())
                .map(Path::toString)
                .orElse(null);
        Instant start = info.startInstant().orElse(waitStart);
        try {
            handle.get().onExit().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, "interrupted while waiting for process " + pid + "; nothing published");
        } catch (ExecutionException e) {
            return fail(
                    err, "cannot wait for process " + pid + ": " + e.getCause().getMessage());
        }
        return Optional.of(Finished.process(pid, name, Duration.between(start, Instant.now())));
    }

    private static Optional<Finished> fail(PrintWriter err, String sentence) {
        err.println("ntfybar done: " + sentence);
        err.flush();
        return Optional.empty();
    }
}
