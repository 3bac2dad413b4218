package io.ntfybar.cli;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import java.io.PrintWriter;

/** Where {@code subscribe} writes: one JSON line per message on stdout, sentences on stderr. Thread-safe. */
final class Output {
    private final PrintWriter out;
    private final PrintWriter err;

    Output(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    synchronized void message(Message m) {
        out.println(MessageCodec.encode(m));
        out.flush();
    }

    synchronized void error(String sentence) {
        err.println("ntfybar subscribe: " + sentence);
        err.flush();
    }
}
