package io.ntfybar.testserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ntfybar.testsupport.Await;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Section 11 vectors about attachments (33 to 38), over real HTTP on loopback. */
class AttachmentVectorsTest {
    private NtfyTestServer server;
    private TestClient client;

    private void start(TestServerConfig config) {
        server = NtfyTestServer.start(config);
        client = new TestClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String randomText(int n) {
        Random r = new Random(42);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    private String pathOf(String url) {
        assertTrue(url.startsWith(server.baseUrl() + "/file/"), url);
        return url.substring(server.baseUrl().length());
    }

    @Test
    void vector33_largeBodyBecomesAttachment() {
        start(TestServerConfig.defaults());
        String body = "text file!" + randomText(4990);
        long now = System.currentTimeMillis() / 1000;
        JsonNode m = client.publish("/mytopic", body);
        assertEquals("You received a file: attachment.txt", m.path("message").asText());
        JsonNode a = m.path("attachment");
        assertEquals("attachment.txt", a.path("name").asText());
        assertEquals("text/plain; charset=utf-8", a.path("type").asText());
        assertEquals(5000, a.path("size").asInt());
        long expires = a.path("expires").asLong();
        assertTrue(Math.abs(expires - (now + 3 * 3600)) <= 5, "expires " + expires);
        String url = a.path("url").asText();
        assertEquals(server.baseUrl() + "/file/" + m.path("id").asText() + ".txt", url);

        HttpResponse<String> get = client.get(pathOf(url));
        assertEquals(200, get.statusCode());
        assertEquals("5000", get.headers().firstValue("Content-Length").orElse(""));
        assertTrue(get.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(body, get.body());

        try (RawConnection raw = new RawConnection(server)) {
            raw.send("HEAD " + pathOf(url) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            RawConnection.Head head = raw.readHead();
            assertEquals(200, head.status());
            assertEquals("5000", head.header("content-length"));
            // no body follows a HEAD answer: the next answer on the same connection starts right away
            raw.get("/v1/health");
            assertEquals(200, raw.readHead().status());
        }
    }

    @Test
    void vector34_shortBodyWithFilenameIsAttachment() {
        start(TestServerConfig.defaults());
        JsonNode m = client.publish("/mytopic?f=myfile.txt", "this is an ATTACHMENT");
        assertEquals("myfile.txt", m.path("attachment").path("name").asText());
        assertEquals(21, m.path("attachment").path("size").asInt());
        assertEquals("You received a file: myfile.txt", m.path("message").asText());
        HttpResponse<String> get =
                client.get(pathOf(m.path("attachment").path("url").asText()));
        assertEquals("this is an ATTACHMENT", get.body());
        assertTrue(get.headers().firstValue("Content-Disposition").orElse("").contains("myfile.txt"));
    }

    @Test
    void vector35_externalAttachment() {
        start(TestServerConfig.defaults());
        String url = "https://upload.wikimedia.org/wikipedia/commons/f/fd/Pink_flower.jpg";
        JsonNode m = client.publish("/mytopic", "", "Attach", url);
        assertEquals("You received a file: Pink_flower.jpg", m.path("message").asText());
        JsonNode a = m.path("attachment");
        assertEquals("Pink_flower.jpg", a.path("name").asText());
        assertEquals(url, a.path("url").asText());
        assertFalse(a.has("type") || a.has("size") || a.has("expires"), a.toString());
    }

    @Test
    void vector36_badAttachUrl() {
        start(TestServerConfig.defaults());
        HttpResponse<String> r = client.put("/mytopic?a=not+a+URL", "x");
        assertEquals(400, r.statusCode());
        assertEquals(40013, TestClient.json(r.body()).path("code").asInt());
    }

    @Test
    void vector37_declaredLengthOverLimitIs413() {
        start(TestServerConfig.defaults());
        try (RawConnection raw = new RawConnection(server)) {
            raw.send("PUT /mytopic HTTP/1.1\r\nHost: x\r\nContent-Length: 20000000\r\n\r\n");
            raw.send(randomText(5000).getBytes(StandardCharsets.UTF_8));
            RawConnection.Head head = raw.readHead();
            assertEquals(413, head.status());
            assertEquals(
                    41301,
                    TestClient.json(new String(raw.readBody(head), StandardCharsets.UTF_8))
                            .path("code")
                            .asInt());
        }
        assertEquals(0, client.poll("/mytopic/json?poll=1").size());
    }

    @Test
    void vector38_attachmentsDisabled() {
        start(TestServerConfig.defaults().withAttachmentsEnabled(false));
        HttpResponse<String> r = client.put("/mytopic", randomText(115_000));
        assertEquals(400, r.statusCode());
        assertEquals(40014, TestClient.json(r.body()).path("code").asInt());
    }

    @Test
    void attachmentExpires() throws Exception {
        start(TestServerConfig.defaults().withAttachmentExpiry(Duration.ofSeconds(1)));
        JsonNode m = client.publish("/mytopic?f=a.bin", "data");
        String path = pathOf(m.path("attachment").path("url").asText());
        assertEquals(200, client.get(path).statusCode());
        HttpResponse<String> r =
                Await.value("the attachment gone after its expiry", () -> client.get(path), g -> g.statusCode() != 200);
        assertEquals(404, r.statusCode());
        assertEquals(40401, TestClient.json(r.body()).path("code").asInt());
    }

    @Test
    void sizeLimitsGive41301() {
        start(TestServerConfig.defaults().withAttachmentFileSizeLimit(10_000).withAttachmentTotalSizeLimit(15_000));
        HttpResponse<String> tooBig = client.put("/mytopic", randomText(10_001));
        assertEquals(413, tooBig.statusCode());
        assertEquals(41301, TestClient.json(tooBig.body()).path("code").asInt());
        assertEquals(200, client.put("/mytopic", randomText(9_000)).statusCode());
        HttpResponse<String> overTotal = client.put("/mytopic", randomText(9_000));
        assertEquals(413, overTotal.statusCode());
        assertEquals(41301, TestClient.json(overTotal.body()).path("code").asInt());
    }

    @Test
    void binaryBodyIsSniffed() {
        start(TestServerConfig.defaults());
        byte[] png = new byte[100];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[2] = 'N';
        png[3] = 'G';
        HttpResponse<byte[]> r = client.sendBytes("PUT", "/mytopic", png);
        JsonNode a =
                TestClient.json(new String(r.body(), StandardCharsets.UTF_8)).path("attachment");
        assertEquals("image/png", a.path("type").asText());
        assertEquals("attachment.png", a.path("name").asText());
        HttpResponse<byte[]> get = client.sendBytes("GET", pathOf(a.path("url").asText()), new byte[0]);
        assertArrayEquals(png, get.body());
        assertEquals("image/png", get.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void shortBodyThatIsNotUtf8IsAnAttachment() {
        start(TestServerConfig.defaults());
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};
        HttpResponse<byte[]> r = client.sendBytes("PUT", "/mytopic", latin1);
        assertEquals(200, r.statusCode());
        JsonNode m = TestClient.json(new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("You received a file: attachment.bin", m.path("message").asText());
        JsonNode a = m.path("attachment");
        assertEquals("attachment.bin", a.path("name").asText());
        assertEquals("application/octet-stream", a.path("type").asText());
        assertEquals(4, a.path("size").asInt());
        HttpResponse<byte[]> get = client.sendBytes("GET", pathOf(a.path("url").asText()), new byte[0]);
        assertArrayEquals(latin1, get.body());
    }
}
