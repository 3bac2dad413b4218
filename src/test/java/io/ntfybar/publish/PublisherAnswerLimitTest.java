package io.ntfybar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.PublishRequest;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.testsupport.GeneratedBody;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A publish answer is read only up to the codec's limit: a server's endless answer costs no memory. */
class PublisherAnswerLimitTest {
    private static final ServerUrl SERVER = ServerUrl.of("http://example.invalid");
    private static final long FORTY_MB = 40L * 1024 * 1024;

    @Test
    void anOverlongAnswerIsASentenceAndIsNotHeld() {
        GeneratedBody answer =
                new GeneratedBody().text("{\"id\":\"").repeat("x", FORTY_MB).text("\"}\n");
        Publisher publisher = new Publisher(GeneratedBody.client(() -> answer));
        Publisher.PublishException e = assertThrows(
                Publisher.PublishException.class,
                () -> publisher.publish(SERVER, Optional.empty(), PublishRequest.to("t", "x")));
        assertTrue(e.getMessage().contains("answered with more than"), e.getMessage());
        assertTrue(
                answer.peakBuffered() < MessageCodec.MAX_LINE_BYTES + 1024 * 1024,
                "held " + answer.peakBuffered() + " bytes of the answer");
    }

    @Test
    void anAnswerWithinTheLimitIsStillRead() throws Exception {
        GeneratedBody answer = new GeneratedBody()
                .text("{\"id\":\"abcdefghijkl\",\"time\":1,\"event\":\"message\",\"topic\":\"t\",\"message\":\"x\"}\n");
        Publisher publisher = new Publisher(GeneratedBody.client(() -> answer));
        assertEquals(
                "abcdefghijkl",
                publisher
                        .publish(SERVER, Optional.empty(), PublishRequest.to("t", "x"))
                        .id());
    }
}
