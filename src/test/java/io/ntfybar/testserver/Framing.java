package io.ntfybar.testserver;

import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import java.nio.charset.StandardCharsets;

/** The byte-exact framing of one event on a json, sse or raw stream (protocol sections 2.2, 2.3 and 2.5). */
enum Framing {
    JSON("application/x-ndjson; charset=utf-8"),
    SSE("text/event-stream; charset=utf-8"),
    RAW("text/plain; charset=utf-8");

    final String contentType;

    Framing(String contentType) {
        this.contentType = contentType;
    }

    static Framing of(String pathSegment) {
        switch (pathSegment) {
            case "json":
                return JSON;
            case "sse":
                return SSE;
            case "raw":
                return RAW;
            default:
                return null;
        }
    }

    byte[] frame(Message m) {
        String s;
        boolean isMessage = Event.MESSAGE.wireName().equals(m.event());
        switch (this) {
            case SSE:
                String json = MessageCodec.encode(m);
                s = isMessage ? "data: " + json + "\n\n" : "event: " + m.event() + "\ndata: " + json + "\n\n";
                break;
            case RAW:
                s = isMessage ? (m.message() == null ? "" : m.message().replace('\n', ' ')) + "\n" : "\n";
                break;
            default:
                s = MessageCodec.encode(m) + "\n";
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
