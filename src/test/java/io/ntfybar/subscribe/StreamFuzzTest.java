package io.ntfybar.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile streams against the readers of every path that reads from a server, in a child JVM with a 64 MB heap, so
 * that anything the readers hold without bound shows as an OutOfMemoryError instead of passing on a large heap.
 * Seeded, so a failure names the seed that reproduces it.
 */
class StreamFuzzTest {
    private static final List<String> SEEDS = List.of("1", "2", "3");

    @Test
    void hostileStreamsNeitherCrashNorLoseTheGoodMessageAfterThem(@TempDir Path logs) throws Exception {
        List<String> cmd = ChildJvm.command(
                StreamFuzzChild.class,
                List.of(
                        "-Xmx64m",
                        "-Dntfybar.logdir=" + logs,
                        // The readers warn once per skipped line; only an error must show.
                        "-Dntfybar.log.level=ERROR"));
        cmd.addAll(SEEDS);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "";
            }
        });
        if (!p.waitFor(ChildJvm.CHILD_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
        }
        String text = out.get();
        assertFalse(text.contains("OutOfMemoryError"), text);
        assertEquals(0, p.exitValue(), text);
        for (String seed : SEEDS) {
            assertTrue(text.contains("seed " + seed + " sse ok"), text);
            assertTrue(text.contains("seed " + seed + " poll ok"), text);
        }
        assertTrue(text.contains("fuzz done"), text);
    }
}
