package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.testsupport.LoopbackHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message icons fetched once over loopback and reused from the cache folder. */
class IconCacheTest {
    private static OkHttpClient client;

    @TempDir
    Path cache;

    private LoopbackHttp http;
    private IconCache icons;

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
        http = new LoopbackHttp();
        icons = new IconCache(client, cache);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] image(int size, int... magic) {
        byte[] b = new byte[size];
        for (int i = 0; i < magic.length; i++) {
            b[i] = (byte) magic[i];
        }
        return b;
    }

    @Test
    void anIconIsFetchedOnceAndThenReused() throws Exception {
        byte[] png = image(2000, 0x89, 'P', 'N', 'G');
        http.on("/icon", 200, png, "text/plain"); // the served type does not matter, the bytes do
        String url = http.baseUrl() + "/icon";
        Optional<Path> first = icons.icon(url);
        assertTrue(first.isPresent());
        assertEquals(IconCache.key(url) + ".png", first.get().getFileName().toString());
        assertEquals(cache.toAbsolutePath(), first.get().getParent());
        assertArrayEquals(png, Files.readAllBytes(first.get()));
        assertEquals("/icon", http.next().path());

        Optional<Path> second = new IconCache(client, cache).icon(url);
        assertEquals(first, second);
        assertEquals(0, http.pending());
        assertEquals(List.of(IconCache.key(url) + ".png"), files());
    }

    @Test
    void jpegGifAndWebpAreImagesToo() throws Exception {
        http.on("/j", 200, image(100, 0xFF, 0xD8, 0xFF, 0xE0), null);
        http.on("/g", 200, image(100, 'G', 'I', 'F', '8', '9', 'a'), null);
        http.on("/w", 200, image(100, 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'), null);
        assertTrue(icons.icon(http.baseUrl() + "/j").orElseThrow().toString().endsWith(".jpg"));
        assertTrue(icons.icon(http.baseUrl() + "/g").orElseThrow().toString().endsWith(".gif"));
        assertTrue(icons.icon(http.baseUrl() + "/w").orElseThrow().toString().endsWith(".webp"));
        assertEquals(3, files().size());
    }

    @Test
    void somethingThatIsNotAnImageIsNotKept() throws Exception {
        http.on("/svg", 200, "<svg onload=alert(1)/>".getBytes(StandardCharsets.UTF_8), "image/png");
        http.on("/riff", 200, image(100, 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E'), "image/webp");
        assertEquals(Optional.empty(), icons.icon(http.baseUrl() + "/svg"));
        assertEquals(Optional.empty(), icons.icon(http.baseUrl() + "/riff"));
        assertEquals("/svg", http.next().path());
        assertEquals("/riff", http.next().path());
        assertEquals(List.of(), files());
    }

    @Test
    void anIconOverOneMegabyteIsNotKept() throws Exception {
        http.on("/big", 200, image((int) IconCache.MAX_BYTES + 1, 0x89, 'P', 'N', 'G'), null);
        http.on("/max", 200, image((int) IconCache.MAX_BYTES, 0x89, 'P', 'N', 'G'), null);
        assertEquals(Optional.empty(), icons.icon(http.baseUrl() + "/big"));
        assertEquals(List.of(), files());
        assertTrue(icons.icon(http.baseUrl() + "/max").isPresent());
    }

    @Test
    void failuresAndOtherSchemesGiveNothing() throws Exception {
        http.on("/missing", 404, new byte[0], null);
        assertEquals(Optional.empty(), icons.icon(http.baseUrl() + "/missing"));
        assertEquals("/missing", http.next().path());
        assertEquals(Optional.empty(), icons.icon("javascript:alert(1)"));
        assertEquals(Optional.empty(), icons.icon("file:///etc/passwd"));
        assertEquals(Optional.empty(), icons.icon(null));
        assertEquals(0, http.pending());
        assertEquals(List.of(), files());
    }
}
