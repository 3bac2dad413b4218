package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment and the shell line of a message's command (the runs themselves: SubscribeCommandExecTest). */
class MessageCommandTest {
    private static final Message MESSAGE = MessageCodec.decodeLine(
            "{\"id\":\"abcdefghijkl\",\"time\":1700000000,\"event\":\"message\",\"topic\":\"t1\",\"message\":\"a\\u0000b\"}");

    @Test
    void absentFieldsAreEmptyAndAnAbsentPriorityIsThree() {
        Map<String, String> env = MessageCommand.environment(MESSAGE);
        assertEquals("", env.get("NTFY_TITLE"));
        assertEquals("", env.get("t"));
        assertEquals("", env.get("NTFY_TAGS"));
        assertEquals("3", env.get("NTFY_PRIORITY"));
        assertEquals("ab", env.get("NTFY_MESSAGE"), "NUL cannot be in an environment value");
        assertEquals(
                List.of(
                        "NTFY_ID",
                        "id",
                        "NTFY_TIME",
                        "time",
                        "NTFY_TOPIC",
                        "topic",
                        "NTFY_MESSAGE",
                        "message",
                        "m",
                        "NTFY_TITLE",
                        "title",
                        "t",
                        "NTFY_PRIORITY",
                        "priority",
                        "prio",
                        "p",
                        "NTFY_TAGS",
                        "tags",
                        "tag",
                        "ta",
                        "NTFY_RAW",
                        "raw"),
                List.copyOf(env.keySet()));
    }

    @Test
    void unixRunsTheCommandTextAsItIsThroughSh() {
        assertEquals(List.of("sh", "-c", "echo \"%m%\" $m"), MessageCommand.shell("echo \"%m%\" $m", false));
    }

    @Test
    void windowsTurnsMessageVariablesIntoDelayedReferences() {
        assertEquals(
                List.of("cmd.exe", "/d", "/v:on", "/c", "echo !m! !NTFY_Message! %PATH% 100%"),
                MessageCommand.shell("echo %m% %NTFY_Message% %PATH% 100%", true));
    }
}
