package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ntfybar.model.Priority;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.settings.NtfyClientConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How TOPIC arguments and client.yml entries become subscriptions. */
class SubscribeTargetsTest {
    private static final ServerUrl HOME = ServerUrl.of("https://home.example");

    @Test
    void aCommaListIsSeveralTopicsOfOneServer() {
        assertEquals(
                List.of(TopicUrl.parse("https://home.example/a"), TopicUrl.parse("https://home.example/b")),
                SubscribeTargets.topics("a,b,a", t -> TopicUrl.parse(t, HOME)));
        assertEquals(
                List.of(TopicUrl.parse("https://ntfy.example/x"), TopicUrl.parse("https://ntfy.example/y")),
                SubscribeTargets.topics("ntfy.example/x,y/", t -> TopicUrl.parse(t, HOME)));
        assertThrows(ProtocolException.class, () -> SubscribeTargets.topics("a,,b", t -> TopicUrl.parse(t, HOME)));
    }

    @Test
    void ifFiltersUseNtfysNamesAndReplaceTheCommandLinesOnes() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("prio", "high, urgent");
        filters.put("ta", "zfs,backup");
        filters.put("t", "Done");
        filters.put("msg", "ok");
        filters.put("id", "abcdefghijkl");
        SubscribeQuery base =
                SubscribeQuery.live().withSince("10m").withTitle("other").withTags(List.of("x"));
        SubscribeQuery q = SubscribeTargets.withFilters(base, filters, "here");
        assertEquals(
                new SubscribeQuery(
                        "10m",
                        false,
                        false,
                        "abcdefghijkl",
                        "ok",
                        "Done",
                        List.of(Priority.HIGH, Priority.MAX),
                        List.of("zfs", "backup")),
                q);
    }

    @Test
    void entriesTakeTheirOwnLoginAndCommandElseTheFallbacks() {
        NtfyClientConfig config = new NtfyClientConfig(
                "https://home.example",
                null,
                null,
                null,
                "default-cmd",
                List.of(
                        new NtfyClientConfig.Subscribe("own-token", "cmd", null, null, "tk_own", Map.of()),
                        new NtfyClientConfig.Subscribe("own-user", null, "phil", "pw", null, Map.of()),
                        new NtfyClientConfig.Subscribe(
                                "https://other.example/none", null, null, null, null, Map.of())));
        List<SubscribeTarget> targets = SubscribeTargets.fromClientConfig(
                config,
                Path.of("client.yml"),
                ServerUrl.NTFY_SH,
                server -> Login.user("fallback-for-" + server.shortForm(), "x"),
                SubscribeQuery.live());
        assertEquals(Login.token("tk_own"), targets.get(0).login());
        assertEquals("cmd", targets.get(0).command());
        assertEquals(Login.user("phil", "pw"), targets.get(1).login());
        assertEquals("default-cmd", targets.get(1).command());
        assertEquals(
                TopicUrl.parse("https://home.example/own-user"), targets.get(1).topic());
        assertEquals(
                TopicUrl.parse("https://other.example/none"), targets.get(2).topic());
        assertEquals(
                Login.user("fallback-for-other.example", "x"), targets.get(2).login());
    }

    @Test
    void aLoginComesBackOutOfItsHeader() {
        assertEquals(
                Login.user("phil", "pa:ss"),
                Login.of(Login.user("phil", "pa:ss").header()));
        assertEquals(Login.token("tk_abc"), Login.of(Login.token("tk_abc").header()));
        assertEquals(Login.NONE, Login.of(null));
    }

    @Test
    void aLoginNeverShowsItsSecret() {
        assertEquals("user phil", Login.user("phil", "hunter2").toString());
        assertEquals("token", Login.token("tk_secret").toString());
    }
}
