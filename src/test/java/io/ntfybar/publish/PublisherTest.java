package io.ntfybar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import io.ntfybar.model.PublishRequest;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.testserver.NtfyTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {
    private final NtfyTestServer server = NtfyTestServer.start();
    private final Publisher publisher = new Publisher(HttpClients.requests(HttpClients.streaming()));
    private final ServerUrl url = ServerUrl.of(server.baseUrl());

    @AfterEach
    void stop() {
        server.close();
    }

    private Message cachedOnServer(String topic) throws Exception {
        List<Message> all = new Poller(HttpClients.requests(HttpClients.streaming()))
                .poll(
                        ConnectionKey.anonymous(url),
                        null,
                        List.of(topic),
                        SubscribeQuery.live().withSince("all").withPoll(true));
        assertEquals(1, all.size(), "cached on the server: " + all);
        return all.get(0);
    }

    @Test
    void jsonPublishCarriesNonAsciiTitleTagsAndPriority() throws Exception {
        PublishRequest r = PublishRequest.to("alerts", "Festplatte **voll** 💾")
                .withTitle("Sicherung fehlgeschlagen — ü")
                .withPriority(Priority.ofLevel(5))
                .withTags(List.of("warning", "übung"))
                .withClick("https://example.com/x");
        Message sent = publisher.publish(url, Optional.empty(), r);
        Message stored = cachedOnServer("alerts");
        assertEquals(sent.id(), stored.id());
        assertEquals("Sicherung fehlgeschlagen — ü", stored.title());
        assertEquals("Festplatte **voll** 💾", stored.message());
        assertEquals(List.of("warning", "übung"), stored.tags());
        assertEquals(5, stored.priority());
        assertEquals("https://example.com/x", stored.click());
    }

    @Test
    void uploadStreamsTheFileWithRfc2047EncodedHeaders(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.txt");
        Files.writeString(f, "line\n".repeat(2000));
        PublishRequest r = PublishRequest.to("files", "Bericht für heute 📎")
                .withTitle("Grüße")
                .withAttachment(null, "bericht.txt");
        Message sent = publisher.upload(url, Optional.empty(), r, f);
        Message stored = cachedOnServer("files");
        assertEquals(sent.id(), stored.id());
        assertEquals("Grüße", stored.title());
        assertEquals("Bericht für heute 📎", stored.message());
        assertEquals("bericht.txt", stored.attachment().name());
        assertEquals(10_000L, stored.attachment().size());
    }

    @Test
    void refusalsBecomeSentencesWithTheServersError() {
        server.auth().enable("deny-all").addUser("phil", "secret", false);
        Publisher.PublishException wrong = assertThrows(
                Publisher.PublishException.class,
                () -> publisher.publish(
                        url, Optional.of(AuthorizationHeader.basic("phil", "nope")), PublishRequest.to("t", "x")));
        assertEquals(401, wrong.error().orElseThrow().status());
        Publisher.PublishException forbidden = assertThrows(
                Publisher.PublishException.class,
                () -> publisher.publish(
                        url, Optional.of(AuthorizationHeader.basic("phil", "secret")), PublishRequest.to("t", "x")));
        assertEquals(403, forbidden.error().orElseThrow().status());
        assertTrue(forbidden.getMessage().length() > 10, forbidden.getMessage());
    }

    @Test
    void badInputIsRefusedBeforeSendingAndAnUnreachableServerSaysSo(@TempDir Path dir) {
        Publisher.PublishException topic = assertThrows(
                Publisher.PublishException.class,
                () -> publisher.publish(url, Optional.empty(), PublishRequest.to("a/b", "x")));
        assertTrue(topic.getMessage().contains("topic"), topic.getMessage());
        assertThrows(
                Publisher.PublishException.class,
                () -> publisher.upload(url, Optional.empty(), PublishRequest.to("t", "x"), dir.resolve("missing")));
        // Port 1 on loopback: nothing listens there (a closed test server's port could be taken again meanwhile).
        ServerUrl nowhere = ServerUrl.of("http://127.0.0.1:1");
        Publisher.PublishException down = assertThrows(
                Publisher.PublishException.class,
                () -> publisher.publish(nowhere, Optional.empty(), PublishRequest.to("t", "x")));
        assertTrue(down.getMessage().startsWith("Could not reach 127.0.0.1:1"), down.getMessage());
    }
}
