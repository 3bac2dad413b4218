package io.ntfybar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A thread that dies says so in one log line, and out of memory ends the process with a known code. */
class UncaughtErrorsTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(UncaughtErrors.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private final UncaughtErrors handler = new UncaughtErrors(exits::add);

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    /** Lets {@code failure} escape a thread of this name and returns once the handler has finished with it. */
    private void dieOn(String name, Throwable failure) throws InterruptedException {
        Thread t = new Thread(
                () -> {
                    if (failure instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) failure;
                },
                name);
        t.setUncaughtExceptionHandler(handler);
        t.start();
        t.join(); // the handler runs on the dying thread, before it ends
    }

    @Test
    void outOfMemoryOnAWorkerIsOneLogLineNamingTheThreadAndEndsTheProcess() throws Exception {
        dieOn("ntfybar-store-writer", new OutOfMemoryError("Java heap space"));
        assertEquals(1, lines.list.size(), "one line");
        ILoggingEvent line = lines.list.get(0);
        assertEquals("ERROR", line.getLevel().toString());
        String text = line.getFormattedMessage();
        assertTrue(text.contains("ntfybar-store-writer"), text);
        assertTrue(text.contains("OutOfMemoryError: Java heap space"), text);
        assertTrue(text.contains("exits"), text);
        assertEquals(null, line.getThrowableProxy(), "a sentence, not a stack trace");
        assertEquals(List.of(UncaughtErrors.EXIT_CODE), exits);
    }

    @Test
    void anExceptionOnAWorkerIsLoggedAndTheProcessGoesOn() throws Exception {
        dieOn("ntfybar-tray", new IllegalStateException("menu gone"));
        String text = lines.list.get(0).getFormattedMessage();
        assertTrue(text.contains("ntfybar-tray") && text.contains("menu gone"), text);
        assertTrue(text.contains("goes on"), text);
        assertEquals(List.of(), exits);
    }

    @Test
    void anExceptionOnMainEndsTheProcess() throws Exception {
        dieOn("main", new IllegalStateException("start-up failed"));
        assertTrue(lines.list.get(0).getFormattedMessage().contains("start-up failed"));
        assertEquals(List.of(UncaughtErrors.EXIT_CODE), exits);
    }
}
