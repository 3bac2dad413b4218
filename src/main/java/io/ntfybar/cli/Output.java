package io.ntfybar.cli;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Where {@code subscribe} sends each message and sentence: a message of a subscription without a command is one JSON
 * line on stdout; with a command, the command runs for it ({@link MessageCommand}) on one worker thread, so commands
 * run one at a time in the order the messages arrived, each once; sentences go to stderr. Thread-safe: the stream,
 * store and poll threads all call in. {@link #finish()} waits for the queued commands, {@link #close()} stops them.
 */
final class Output implements AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;
    private final ExecutorService commands = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ntfybar-subscribe-command");
        t.setDaemon(true);
        return t;
    });
    private boolean warnedCharset;

    Output(PrintWriter out, PrintWriter err, boolean verbose) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    /** Prints {@code m} as a JSON line, or queues {@code command} for it when not null. */
    void message(Message m, String command) {
        if (command == null) {
            synchronized (this) {
                out.println(MessageCodec.encode(m));
                out.flush();
            }
            return;
        }
        try {
            commands.execute(() -> runCommand(m, command));
        } catch (RejectedExecutionException e) {
            // stopping: a message that arrives after close() is not acted on
        }
    }

    synchronized void error(String sentence) {
        err.println("ntfybar subscribe: " + sentence);
        err.flush();
    }

    /** Waits until every command queued so far has run; afterwards no command runs any more. */
    void finish() {
        commands.shutdown();
        try {
            while (!commands.awaitTermination(1, TimeUnit.HOURS)) {
                // a command that runs for hours is the user's business; keep waiting
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
    }

    /** Drops queued commands and stops a running one. */
    @Override
    public void close() {
        commands.shutdownNow();
        try {
            commands.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runCommand(Message m, String command) {
        if (verbose) {
            error("executing " + command + " for message " + MessageCodec.encode(m));
        }
        warnIfTheCharsetLoses(m);
        try {
            int code = MessageCommand.run(command, m, out, err, this);
            if (code != 0) {
                error("the command for message " + m.id() + " failed (exit code " + code + "); waiting for the next"
                        + " message.");
            }
        } catch (IOException e) {
            error("could not run the command for message " + m.id() + ": " + e.getMessage()
                    + "; waiting for the next message.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Java 17 hands environment values to a process in the locale's character set: under a non-UTF-8 locale (plain
     * {@code LANG=C}) characters it lacks arrive as {@code ?}. Said once, so that the cause is not a mystery.
     */
    private void warnIfTheCharsetLoses(Message m) {
        Charset charset = Charset.defaultCharset();
        if (warnedCharset || charset.equals(StandardCharsets.UTF_8)) {
            return;
        }
        if (!charset.newEncoder().canEncode(MessageCodec.encode(m))) {
            warnedCharset = true;
            error("this message has characters that the locale's character set (" + charset
                    + ") cannot pass to a command; they arrive as '?'. Use a UTF-8 locale (e.g. LANG=C.UTF-8) or run"
                    + " java with -Dfile.encoding=UTF-8.");
        }
    }
}
