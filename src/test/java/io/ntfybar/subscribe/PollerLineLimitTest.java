package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.testsupport.GeneratedBody;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A poll (the CLI's {@code --poll}, the first history fetch, a poll the server asks for) reads bounded lines. */
class PollerLineLimitTest {
    private static final ConnectionKey KEY = ConnectionKey.anonymous(ServerUrl.of("http://example.invalid"));
    private static final long FORTY_MB = 40L * 1024 * 1024;

    static String message(String id, String text) {
        return "{\"id\":\"" + id + "\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"message\":\"" + text + "\"}";
    }

    private static List<String> poll(GeneratedBody body) throws Poller.PollException {
        return new Poller(GeneratedBody.client(() -> body))
                .poll(KEY, null, List.of("t"), SubscribeQuery.live()).stream()
                        .map(Message::message)
                        .toList();
    }

    @Test
    void anOverlongLineIsSkippedWithoutBeingHeldAndTheNextLineArrives() throws Exception {
        GeneratedBody body = new GeneratedBody()
                .text(message("aaaaaaaaaaaa", "before") + "\n")
                .repeat("x", FORTY_MB)
                .text("\n" + message("bbbbbbbbbbbb", "after") + "\n");
        assertEquals(List.of("before", "after"), poll(body));
        assertTrue(
                body.peakBuffered() < MessageCodec.MAX_LINE_BYTES + 1024 * 1024,
                "held " + body.peakBuffered() + " bytes of one line");
    }

    @Test
    void aBodyThatEndsInsideAnOverlongLineEndsThePoll() throws Exception {
        GeneratedBody body = new GeneratedBody()
                .text(message("aaaaaaaaaaaa", "before") + "\n")
                .repeat("x", FORTY_MB);
        assertEquals(List.of("before"), poll(body));
        assertTrue(body.peakBuffered() < MessageCodec.MAX_LINE_BYTES + 1024 * 1024, "held " + body.peakBuffered());
    }

    @Test
    void aLastLineWithoutNewlineAndCrLfLinesAreStillRead() throws Exception {
        GeneratedBody body = new GeneratedBody()
                .text(message("aaaaaaaaaaaa", "crlf") + "\r\n\r\n")
                .text(message("bbbbbbbbbbbb", "unterminated"));
        assertEquals(List.of("crlf", "unterminated"), poll(body));
    }
}
