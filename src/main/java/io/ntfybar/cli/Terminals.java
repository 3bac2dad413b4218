package io.ntfybar.cli;

import java.io.Console;

/** Whether this process talks to a terminal. */
final class Terminals {
    private Terminals() {}

    /**
     * True when standard input is a terminal. Up to Java 21 {@link System#console()} is non-null only for a terminal;
     * from Java 22 it may exist for a redirected process too, and {@code Console.isTerminal()} tells.
     */
    static boolean stdinIsTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17 to 21: a console exists only for a terminal
        }
    }
}
