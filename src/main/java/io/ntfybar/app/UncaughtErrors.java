package io.ntfybar.app;

import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default uncaught-exception handler of every thread: a thread that dies says so in one log line (the log file,
 * and stderr for WARN and above) instead of a bare stack trace on stderr. Out of memory, or a failure of {@code main}
 * itself, ends the process with {@link #EXIT_CODE}: after that nothing can tell what the thread left undone, and a
 * half-working process that looks alive is worse than one that stops and says why.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    /** The exit code after a fatal error on some thread. */
    static final int EXIT_CODE = 70;

    private static final Logger log = LoggerFactory.getLogger(UncaughtErrors.class);

    private final IntConsumer exit;

    UncaughtErrors(IntConsumer exit) {
        this.exit = exit;
    }

    /** Installs the handler for every thread of this JVM; call first thing in {@code main}, after the log setup. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrors(System::exit));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        boolean fatal = e instanceof OutOfMemoryError || "main".equals(thread.getName());
        try {
            log.error(
                    "Thread {} stopped on an unexpected {}{}",
                    thread.getName(),
                    e.toString(),
                    fatal ? "; ntfybar exits" : "; ntfybar goes on without it");
            // The trace only when debugging (ntfybar.log.level=DEBUG): the sentence above is what a user reads.
            log.debug("Where thread {} stopped", thread.getName(), e);
        } catch (Throwable logFailed) {
            // Logging itself may fail when memory is gone; stderr is the last place left to say it.
            System.err.println("ntfybar: thread " + thread.getName() + " stopped on an unexpected " + e);
        }
        if (fatal && !shuttingDown()) {
            exit.accept(EXIT_CODE);
        }
    }

    /** During shutdown, exit would block for ever (a failing shutdown hook would wait for itself). */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
