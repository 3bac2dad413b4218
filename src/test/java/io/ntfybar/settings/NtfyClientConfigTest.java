package io.ntfybar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NtfyClientConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsDefaultsAndSubscribeEntriesAsNtfyWritesThem() throws Exception {
        Path f = dir.resolve("client.yml");
        Files.writeString(
                f,
                """
                # ntfy client.yml
                default-host: https://ntfy.example.com
                default-user: phil
                default-password: mypass
                default-command: 'notify-send "$m"'
                subscribe:
                  - topic: mytopic
                    command: /usr/local/bin/mytopic-triggered.sh
                  - topic: myserver.com/anothertopic
                    user: phil
                    password: se:cret
                    if:
                      priority: high,urgent
                  - topic: tokentopic
                    token: tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2
                some-future-key: ignored
                """);
        NtfyClientConfig c = NtfyClientConfig.load(f, true);
        assertEquals("https://ntfy.example.com", c.defaultHost());
        assertEquals("phil", c.defaultUser());
        assertEquals("mypass", c.defaultPassword());
        assertNull(c.defaultToken());
        assertEquals("notify-send \"$m\"", c.defaultCommand());
        assertEquals(3, c.subscribe().size());
        assertEquals("/usr/local/bin/mytopic-triggered.sh", c.subscribe().get(0).command());
        assertEquals("se:cret", c.subscribe().get(1).password());
        assertEquals(Map.of("priority", "high,urgent"), c.subscribe().get(1).ifFilters());
        assertEquals("tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2", c.subscribe().get(2).token());
    }

    @Test
    void missingFileIsEmptyUnlessRequired() {
        Path f = dir.resolve("none.yml");
        assertEquals(NtfyClientConfig.empty(), NtfyClientConfig.load(f, false));
        SettingsException e = assertThrows(SettingsException.class, () -> NtfyClientConfig.load(f, true));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void brokenYamlAndEntriesWithoutTopicAreSentences() throws Exception {
        Path f = dir.resolve("client.yml");
        Files.writeString(f, "default-host: https://a\nsubscribe:\n  - topic: [x\n");
        SettingsException e = assertThrows(SettingsException.class, () -> NtfyClientConfig.load(f, true));
        assertTrue(e.getMessage().contains("is not valid (line"), e.getMessage());
        Files.writeString(f, "subscribe:\n  - command: echo hi\n");
        e = assertThrows(SettingsException.class, () -> NtfyClientConfig.load(f, true));
        assertTrue(e.getMessage().contains("without a topic (entry 1)"), e.getMessage());
    }

    @Test
    void defaultPathFollowsNtfy() {
        assertEquals(
                Path.of("/home/a/.config/ntfy/client.yml"),
                NtfyClientConfig.defaultPath("Linux", "/home/a", false, Map.of()));
        assertEquals(Path.of("/etc/ntfy/client.yml"), NtfyClientConfig.defaultPath("Linux", "/root", true, Map.of()));
        assertEquals(
                Path.of("/Users/a/Library/Application Support/ntfy/client.yml"),
                NtfyClientConfig.defaultPath("Mac OS X", "/Users/a", false, Map.of()));
        assertEquals(
                Path.of("/x/c.yml"),
                NtfyClientConfig.defaultPath("Linux", "/home/a", false, Map.of("NTFY_CONFIG", "/x/c.yml")));
    }
}
