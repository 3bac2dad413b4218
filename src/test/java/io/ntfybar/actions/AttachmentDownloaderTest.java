package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Attachment;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testserver.NtfyTestServer;
import io.ntfybar.testsupport.LoopbackHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachment downloads over real HTTP on loopback: the ntfy test server, and JDK servers for the other cases. */
class AttachmentDownloaderTest {
    private static final long MB = 1024 * 1024;
    private static OkHttpClient client;

    @TempDir
    Path tmp;

    private Path cache;
    private NtfyTestServer ntfy;
    private AttachmentDownloader downloader;

    @BeforeAll
    static void client() {
        client = HttpClients.requests(HttpClients.streaming());
    }

    @AfterAll
    static void closeClient() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @BeforeEach
    void start() {
        cache = tmp.resolve("cache");
        ntfy = NtfyTestServer.start();
        downloader = new AttachmentDownloader(client, cache);
    }

    @AfterEach
    void stop() {
        ntfy.close();
    }

    private ServerUrl ntfyServer() {
        return ServerUrl.of(ntfy.baseUrl());
    }

    /** Publishes {@code text} as an uploaded file called {@code name}; returns the message's attachment. */
    private Attachment upload(String name, String text) {
        Message m = MessageCodec.decodeLine(ntfy.publish("files", text, Map.of("Filename", name)));
        assertTrue(
                m.attachment().url().startsWith(ntfy.baseUrl() + "/file/"),
                m.attachment().url());
        return m.attachment();
    }

    /** Uploads bytes with a PUT, as a publisher would; returns the message's attachment. */
    private Attachment uploadBytes(String name, byte[] bytes) throws IOException {
        Request put = new Request.Builder()
                .url(ntfy.baseUrl() + "/files?f=" + name)
                .put(RequestBody.create(bytes, null))
                .build();
        try (Response r = client.newCall(put).execute()) {
            assertEquals(200, r.code());
            return MessageCodec.decodeLine(r.body().string()).attachment();
        }
    }

    private List<String> cacheFiles() throws IOException {
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private long fileRequests() {
        return ntfy.requestLines().stream()
                .filter(l -> l.startsWith("GET /file/"))
                .count();
    }

    private static byte[] png(int size) {
        byte[] b = new byte[size];
        b[0] = (byte) 0x89;
        b[1] = 'P';
        b[2] = 'N';
        b[3] = 'G';
        for (int i = 4; i < size; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void anUploadedAttachmentArrivesWithTheSameBytes() throws Exception {
        String text = "the quick brown fox ✔ ".repeat(300);
        Attachment a = upload("notes.txt", text);
        DownloadedAttachment d = downloader.download(a, ntfyServer(), Optional.empty(), MB);
        assertEquals(cache.toAbsolutePath().resolve("notes.txt"), d.path());
        assertEquals(text, Files.readString(d.path(), StandardCharsets.UTF_8));
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, d.size());
        assertEquals(DetectedType.OTHER, d.type());
        assertFalse(d.isImage());
        assertEquals(List.of("notes.txt"), cacheFiles());
    }

    @Test
    void anImageIsToldByItsBytes() throws Exception {
        byte[] bytes = png(5000);
        Attachment a = uploadBytes("pic.png", bytes);
        DownloadedAttachment d = downloader.download(a, ntfyServer(), Optional.empty(), MB);
        assertArrayEquals(bytes, Files.readAllBytes(d.path()));
        assertEquals(DetectedType.PNG, d.type());
        assertTrue(d.isImage());
        assertEquals("image/png", d.type().mimeType());
        assertEquals("pic.png", d.path().getFileName().toString());
    }

    @Test
    void aNonImageDeclaredAsPngIsNotAnImage() throws Exception {
        Attachment uploaded = upload("evil.png", "<svg onload=alert(1)>");
        Attachment declared = new Attachment("evil.png", "image/png", uploaded.size(), null, uploaded.url());
        assertTrue(declared.isImage()); // what the publisher claims
        DownloadedAttachment d = downloader.download(declared, ntfyServer(), Optional.empty(), MB);
        assertEquals(DetectedType.OTHER, d.type());
        assertFalse(d.isImage());
    }

    @Test
    void aDeclaredContentLengthOverTheLimitAbortsAndLeavesNoFile() throws Exception {
        Attachment uploaded = upload("big.txt", "x".repeat(5000));
        Attachment unknownSize = new Attachment("big.txt", null, null, null, uploaded.url());
        AttachmentException e = assertThrows(
                AttachmentException.class,
                () -> downloader.download(unknownSize, ntfyServer(), Optional.empty(), 1000));
        assertEquals(AttachmentException.Reason.TOO_LARGE, e.reason());
        assertEquals("\"big.txt\" is 4.9 kB, more than the limit of 1000 bytes", e.getMessage());
        assertEquals(1, fileRequests());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aKnownSizeOverTheLimitIsRefusedWithoutARequest() throws Exception {
        Attachment a = upload("big.txt", "x".repeat(5000));
        AttachmentException e = assertThrows(
                AttachmentException.class, () -> downloader.download(a, ntfyServer(), Optional.empty(), 1000));
        assertEquals(AttachmentException.Reason.TOO_LARGE, e.reason());
        assertEquals(0, fileRequests());
        assertEquals(List.of(), cacheFiles());
        downloader.download(a, ntfyServer(), Optional.empty(), 5000); // exactly at the limit is fine
        assertEquals(1, fileRequests());
    }

    @Test
    void moreBytesThanTheLimitAbortWhateverTheMessageAndHeadersSaid() throws Exception {
        try (LoopbackHttp other = new LoopbackHttp()) {
            other.on(
                    "/stream",
                    ex -> { // chunked: no Content-Length at all
                        ex.sendResponseHeaders(200, 0);
                        try (OutputStream out = ex.getResponseBody()) {
                            for (int i = 0; i < 50; i++) {
                                out.write(new byte[1024]);
                                out.flush();
                            }
                        } catch (IOException closedByClient) {
                            // the client stopped reading, as it should
                        }
                    });
            Attachment lying = new Attachment("small.bin", "image/png", 10L, null, other.baseUrl() + "/stream");
            AttachmentException e = assertThrows(
                    AttachmentException.class,
                    () -> downloader.download(lying, ServerUrl.of(other.baseUrl()), Optional.empty(), 10_000));
            assertEquals(AttachmentException.Reason.TOO_LARGE, e.reason());
            assertEquals("\"small.bin\" is larger than the limit of 9.8 kB; the download was stopped", e.getMessage());
            assertEquals(List.of(), cacheFiles());
            // within the limit the same stream is kept
            DownloadedAttachment d =
                    downloader.download(lying, ServerUrl.of(other.baseUrl()), Optional.empty(), 60_000);
            assertEquals(50 * 1024, d.size());
            assertEquals(List.of("small.bin"), cacheFiles());
        }
    }

    @Test
    void anExpiredAttachmentIsRefusedWithoutARequest() throws Exception {
        Attachment a = upload("old.txt", "old news");
        assertTrue(a.expires() != null);
        Clock later = Clock.fixed(Instant.ofEpochSecond(a.expires() + 1), ZoneOffset.UTC);
        AttachmentDownloader future = new AttachmentDownloader(client, cache, later);
        AttachmentException e =
                assertThrows(AttachmentException.class, () -> future.download(a, ntfyServer(), Optional.empty(), MB));
        assertEquals(AttachmentException.Reason.EXPIRED, e.reason());
        assertEquals("\"old.txt\" has expired; the server no longer keeps it", e.getMessage());
        assertEquals(0, fileRequests());
        Clock justBefore = Clock.fixed(Instant.ofEpochSecond(a.expires()), ZoneOffset.UTC);
        new AttachmentDownloader(client, cache, justBefore).download(a, ntfyServer(), Optional.empty(), MB);
        assertEquals(1, fileRequests());
    }

    @Test
    void theLoginGoesOnlyToTheSubscriptionsOrigin() throws Exception {
        try (LoopbackHttp own = new LoopbackHttp();
                LoopbackHttp other = new LoopbackHttp()) {
            byte[] body = "secret file".getBytes(StandardCharsets.UTF_8);
            own.on("/file/a.txt", 200, body, "text/plain");
            other.on("/file/b.txt", 200, body, "text/plain");
            own.on("/go-elsewhere", ex -> {
                ex.getResponseHeaders().set("Location", other.baseUrl() + "/file/b.txt");
                ex.sendResponseHeaders(302, -1);
                ex.close();
            });
            ServerUrl server = ServerUrl.of(own.baseUrl());
            Optional<String> login = Optional.of("Bearer tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2");

            downloader.download(
                    new Attachment("a.txt", null, null, null, own.baseUrl() + "/file/a.txt"), server, login, MB);
            assertEquals("Bearer tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2", own.next().header("Authorization"));

            downloader.download(
                    new Attachment("b.txt", null, null, null, other.baseUrl() + "/file/b.txt"), server, login, MB);
            LoopbackHttp.Recorded otherPort = other.next();
            assertEquals("/file/b.txt", otherPort.path());
            assertNull(otherPort.header("Authorization"));

            downloader.download(
                    new Attachment("c.txt", null, null, null, own.baseUrl() + "/go-elsewhere"), server, login, MB);
            assertEquals("Bearer tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2", own.next().header("Authorization"));
            LoopbackHttp.Recorded redirected = other.next();
            assertEquals("/file/b.txt", redirected.path());
            assertNull(redirected.header("Authorization"));

            ServerUrl httpsServer = ServerUrl.of("https://127.0.0.1:" + own.port());
            downloader.download(
                    new Attachment("d.txt", null, null, null, own.baseUrl() + "/file/a.txt"), httpsServer, login, MB);
            assertNull(own.next().header("Authorization"));

            assertEquals(List.of("a.txt", "b.txt", "c.txt", "d.txt"), cacheFiles());
        }
    }

    @Test
    void aHostileNameStaysInsideTheCacheFolder() throws Exception {
        for (String hostile : List.of("../../evil.txt", "..\\..\\evil.txt", "/etc/evil.txt", "..", ".bashrc")) {
            Attachment uploaded = upload("x.txt", "payload");
            Attachment a = new Attachment(hostile, null, null, null, uploaded.url());
            DownloadedAttachment d = downloader.download(a, ntfyServer(), Optional.empty(), MB);
            assertEquals(cache.toAbsolutePath(), d.path().getParent(), hostile);
            assertFalse(d.path().getFileName().toString().startsWith("."), hostile);
        }
        assertEquals(
                List.of("_.._evil (2).txt", "_.._evil.txt", "_etc_evil.txt", "attachment", "bashrc"), cacheFiles());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(cache), s.toList());
        }
    }

    @Test
    void aSecondDownloadOfTheSameNameGetsANewName() throws Exception {
        Attachment first = upload("photo.png", "first");
        Attachment second = upload("photo.png", "second");
        Path p1 = downloader.download(first, ntfyServer(), Optional.empty(), MB).path();
        Path p2 =
                downloader.download(second, ntfyServer(), Optional.empty(), MB).path();
        Path p3 =
                downloader.download(second, ntfyServer(), Optional.empty(), MB).path();
        assertEquals("photo.png", p1.getFileName().toString());
        assertEquals("photo (2).png", p2.getFileName().toString());
        assertEquals("photo (3).png", p3.getFileName().toString());
        assertEquals("first", Files.readString(p1));
        assertEquals("second", Files.readString(p2));
        assertEquals(List.of("photo (2).png", "photo (3).png", "photo.png"), cacheFiles());
    }

    @Test
    void onlyHttpAndHttpsLinksAreFetched() {
        for (String url : List.of("javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/x", "/file/x.txt")) {
            AttachmentException e = assertThrows(
                    AttachmentException.class,
                    () -> downloader.download(
                            new Attachment("x.txt", null, null, null, url), ntfyServer(), Optional.empty(), MB));
            assertEquals(AttachmentException.Reason.REFUSED_URL, e.reason(), url);
            assertTrue(e.getMessage().startsWith("cannot download \"x.txt\": "), e.getMessage());
        }
        assertEquals(0, ntfy.requestLines().size());
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() throws Exception {
        try (LoopbackHttp own = new LoopbackHttp()) {
            own.on("/r", ex -> {
                ex.getResponseHeaders().set("Location", "file:///etc/passwd");
                ex.sendResponseHeaders(302, -1);
                ex.close();
            });
            AttachmentException e = assertThrows(
                    AttachmentException.class,
                    () -> downloader.download(
                            new Attachment("x", null, null, null, own.baseUrl() + "/r"),
                            ServerUrl.of(own.baseUrl()),
                            Optional.empty(),
                            MB));
            assertEquals(AttachmentException.Reason.HTTP_STATUS, e.reason());
            assertEquals(
                    "cannot download \"x\": 127.0.0.1:" + own.port()
                            + " redirected to a link that is not http or https",
                    e.getMessage());
        }
    }

    @Test
    void serverAndNetworkProblemsAreSentences() throws Exception {
        Attachment missing = new Attachment("gone.txt", null, null, null, ntfy.baseUrl() + "/file/abcdefghijkl.txt");
        AttachmentException notFound = assertThrows(
                AttachmentException.class, () -> downloader.download(missing, ntfyServer(), Optional.empty(), MB));
        assertEquals(AttachmentException.Reason.HTTP_STATUS, notFound.reason());
        assertEquals(
                "cannot download \"gone.txt\": HTTP 404 Not Found from 127.0.0.1:" + ntfy.port(),
                notFound.getMessage());

        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Attachment unreachable = new Attachment("x.txt", null, null, null, "http://127.0.0.1:" + port + "/x.txt");
        AttachmentException refused = assertThrows(
                AttachmentException.class, () -> downloader.download(unreachable, ntfyServer(), Optional.empty(), MB));
        assertEquals(AttachmentException.Reason.NETWORK, refused.reason());
        assertEquals(
                "cannot download \"x.txt\": could not reach 127.0.0.1:" + port + ": connection refused",
                refused.getMessage());
        assertEquals(List.of(), cacheFiles());
    }
}
