package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.Await;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The system opener runs a real program (a recording shell script standing in for xdg-open), never a shell. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the recording opener is a POSIX shell script")
class SystemLinkOpenerTest {
    /**
     * How long an opener may run before it counts as opened. Generous, so that a slow start on a busy machine is not
     * taken for success by tests about the opener's exit status.
     */
    private static final Duration GRACE = Await.DEFAULT_DEADLINE;

    @TempDir
    Path dir;

    /** A script that appends each of its arguments, NUL-terminated, to {@code record}, then exits with {@code exit}. */
    private Path recorder(Path record, int exit) throws Exception {
        Path script = dir.resolve("opener-" + exit + ".sh");
        Files.writeString(
                script,
                "#!/bin/sh\nprintf '%s\\0' \"$@\" >> '" + record + "'\nprintf '\\n' >> '" + record + "'\nexit " + exit
                        + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** The argument lists of every run recorded so far. */
    private static List<List<String>> runs(Path record) throws Exception {
        if (!Files.exists(record)) {
            return List.of();
        }
        String all = Files.readString(record, StandardCharsets.UTF_8);
        return Arrays.stream(all.split("\n", -1))
                .filter(s -> !s.isEmpty())
                .map(s -> Arrays.asList(s.split("\0", -1)).subList(0, s.split("\0", -1).length - 1))
                .toList();
    }

    private static ActionResult await(java.util.concurrent.CompletionStage<ActionResult> stage) throws Exception {
        return stage.toCompletableFuture().get(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void anAllowedLinkArrivesAsExactlyOneArgumentAndNoShellInterpretsIt() throws Exception {
        Path record = dir.resolve("record");
        SystemLinkOpener opener =
                new SystemLinkOpener(List.of(recorder(record, 0).toString()), GRACE);
        String hostile = "https://example.com/a?b=1&c=$(id);d='x';e=$HOME#*";
        ActionResult r = await(opener.open(URI.create(hostile)));
        assertTrue(r.success(), r.message());
        assertEquals(-1, r.status());
        assertEquals("opened example.com with " + opener.command().get(0), r.message());
        // a shell would have substituted $(id) and $HOME, split at ';' and globbed '*'
        assertEquals(List.of(List.of(hostile)), runs(record));
    }

    @Test
    void aNonAsciiLinkIsPassedInItsAsciiForm() throws Exception {
        Path record = dir.resolve("record");
        SystemLinkOpener opener =
                new SystemLinkOpener(List.of(recorder(record, 0).toString()), GRACE);
        assertTrue(await(opener.open(URI.create("https://bücher.example/café"))).success());
        assertEquals(List.of(List.of("https://xn--bcher-kva.example/caf%C3%A9")), runs(record));
    }

    @Test
    void extraCommandArgumentsComeFirst() throws Exception {
        Path record = dir.resolve("record");
        SystemLinkOpener opener =
                new SystemLinkOpener(List.of(recorder(record, 0).toString(), "url.dll,FileProtocolHandler"), GRACE);
        assertTrue(await(opener.open(URI.create("mailto:a@example.com"))).success());
        assertEquals(List.of(List.of("url.dll,FileProtocolHandler", "mailto:a@example.com")), runs(record));
    }

    @Test
    void aRefusedLinkNeverRunsTheCommand() throws Exception {
        Path record = dir.resolve("record");
        SystemLinkOpener opener =
                new SystemLinkOpener(List.of(recorder(record, 0).toString()), GRACE);
        ActionResult js = await(opener.open(URI.create("javascript:alert(1)")));
        ActionResult file = await(opener.open(URI.create("file:///etc/passwd")));
        ActionResult custom = await(opener.open(URI.create("myapp://x")));
        ActionResult hidden = await(opener.open(URI.create("https://ntfy.sh@evil.example/")));
        assertFalse(js.success());
        assertFalse(hidden.success());
        assertEquals("this link hides its real address: it goes to evil.example", hidden.message());
        assertEquals("ntfybar does not open javascript: links", js.message());
        assertEquals("ntfybar does not open file: links", file.message());
        assertEquals("ntfybar does not open myapp: links", custom.message());
        assertEquals(List.of(), runs(record));
        // the recorder works: the next allowed link is the only run recorded
        assertTrue(await(opener.open(URI.create("https://ntfy.sh/"))).success());
        assertEquals(List.of(List.of("https://ntfy.sh/")), runs(record));
    }

    @Test
    void anOpenerThatFailsIsReported() throws Exception {
        Path record = dir.resolve("record");
        SystemLinkOpener opener =
                new SystemLinkOpener(List.of(recorder(record, 4).toString()), GRACE);
        ActionResult r = await(opener.open(URI.create("https://example.com")));
        assertFalse(r.success());
        assertEquals(opener.command().get(0) + " could not open the link (exit status 4)", r.message());
        assertEquals(1, runs(record).size());
    }

    @Test
    void aMissingOpenerIsReported() throws Exception {
        String missing = dir.resolve("no-such-opener").toString();
        ActionResult r = await(new SystemLinkOpener(List.of(missing), GRACE).open(URI.create("https://example.com")));
        assertFalse(r.success());
        assertTrue(r.message().startsWith("could not start " + missing + " to open the link: "), r.message());
    }

    @Test
    void anOpenerStillRunningAfterTheGracePeriodCountsAsOpened() throws Exception {
        // Runs until the test has its result (or its folder is gone): a result at all shows the opener did not wait.
        Path script = dir.resolve("slow.sh");
        Path release = dir.resolve("release");
        Files.writeString(
                script, "#!/bin/sh\nwhile [ ! -e '" + release + "' ] && [ -d '" + dir + "' ]; do sleep 0.05; done\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        try {
            ActionResult r = await(new SystemLinkOpener(List.of(script.toString()), Duration.ofMillis(300))
                    .open(URI.create("https://a.example/")));
            assertTrue(r.success(), r.message());
        } finally {
            Files.writeString(release, "");
        }
    }

    @Test
    void platformCommands() {
        assertEquals(List.of("open"), SystemLinkOpener.platformCommand("Mac OS X"));
        assertEquals(
                List.of("rundll32", "url.dll,FileProtocolHandler"), SystemLinkOpener.platformCommand("Windows 11"));
        assertEquals(List.of("xdg-open"), SystemLinkOpener.platformCommand("Linux"));
        assertEquals(List.of("xdg-open"), SystemLinkOpener.platformCommand("FreeBSD"));
        assertThrows(IllegalArgumentException.class, () -> new SystemLinkOpener(List.of(), Duration.ZERO));
    }
}
