package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Action;
import io.ntfybar.model.ActionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code Actions} header: test vectors 26 to 29 of ntfy-protocol.md section 11, ntfy's own cases, round trips. */
class ActionSyntaxTest {

    private static Action action(
            String type,
            String label,
            String url,
            String method,
            Map<String, String> headers,
            String body,
            String intent,
            Map<String, String> extras,
            String value,
            boolean clear) {
        return new Action(null, type, label, clear, url, method, headers, body, intent, extras, value);
    }

    @Test
    void vector26KeepsTheEqualsSignInsideAValue() {
        List<Action> actions = ActionSyntax.parse("view, Open portal, https://home.nest.com/; http, Turn down, "
                + "https://api.nest.com/device/XZ1D2, body=target_temp_f=65");
        assertEquals(
                List.of(
                        Action.view("Open portal", "https://home.nest.com/", false),
                        action(
                                "http",
                                "Turn down",
                                "https://api.nest.com/device/XZ1D2",
                                null,
                                null,
                                "target_temp_f=65",
                                null,
                                null,
                                null,
                                false)),
                actions);
        assertEquals("POST", actions.get(1).effectiveMethod());
    }

    @Test
    void vector27QuotedLabelKeepsCommasEscapedQuotesAndSemicolons() {
        List<Action> actions =
                ActionSyntax.parse("action=http, \"Look ma, \\\"quotes\\\"; and semicolons\", url=http://example.com");
        assertEquals(1, actions.size());
        assertEquals("Look ma, \"quotes\"; and semicolons", actions.get(0).label());
        assertEquals("http://example.com", actions.get(0).url());
    }

    @Test
    void vector28AwkwardSpacingUnicodeAndClear() {
        List<Action> actions = ActionSyntax.parse(
                "http , 'Make love, not war 💙🫤' , https://ntfy.sh ; view, \" yo \", https://x.org, clear=true");
        assertEquals(2, actions.size());
        assertEquals(
                action("http", "Make love, not war 💙🫤", "https://ntfy.sh", null, null, null, null, null, null, false),
                actions.get(0));
        assertEquals(Action.view(" yo ", "https://x.org", true), actions.get(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
        ;;;;                                                                         | only 3 actions allowed
        action=http, label=a label, body=somebody                                    | parameter 'url' is required for action 'http'
        action=http, label=a label, url=http://ntfy.sh, method=HEAD, body=somebody   | parameter 'body' cannot be set if method is HEAD
        action=http, label=a label, url=http://ntfy.sh, method=get, body=somebody    | parameter 'body' cannot be set if method is GET
        http, label, http://x.org, clear=x                                           | 'clear=x' not allowed
        `label="Out of order!" x, action="http", url=http://example.com`             | unexpected character 'x' at position 22
        `http, 'Make love 💙' x`                                                      | unexpected character 'x' at position 23
        `''";,;"`                                                                    | `unexpected character '"' at position 2`
        `,,,,,,;;`                                                                   | term '' unknown
        `aaa=a, "bbb, 'ccc, ddd, eee "`                                              | key 'aaa' unknown
        `label="xx", action="http", url=http://example.com, what is this anyway`     | term 'what is this anyway' unknown
        `label="", action="http", url=http://example.com`                            | parameter 'label' is required
        `label=, action="http", url=http://example.com`                              | parameter 'label' is required
        fdsfdsf                                                                      | action 'fdsfdsf' unknown
        broadcast, Go, extra positional                                              | term 'extra positional' unknown
        copy, Copy code                                                              | parameter 'value' is required for action 'copy'
        `action=http, label="omg the end quote is missing`                          | unexpected end of input, quote started at position 20
        `[{"action":"launch","label":"Go","url":"app://x"}]`                         | action 'launch' unknown
        `[{"some":"object"}]`                                                        | an action has no 'action' type
        `[{"action":"view","label":"a","url":"u"},{"action":"view","label":"b","url":"u"},{"action":"view","label":"c","url":"u"},{"action":"view","label":"d","url":"u"}]` | only 3 actions allowed
        """)
    void invalidHeadersFailWithNtfysWording(String header, String expected) {
        assertEquals(
                expected,
                assertThrows(ProtocolException.class, () -> ActionSyntax.parse(header))
                        .getMessage());
    }

    @Test
    void invalidJsonIsReported() {
        String message = assertThrows(ProtocolException.class, () -> ActionSyntax.parse("[ invalid json ]"))
                .getMessage();
        assertTrue(message.startsWith("actions are not valid JSON: "), message);
    }

    @Test
    void moreThanThreeShortActionsAreRefused() {
        assertEquals(
                "only 3 actions allowed",
                assertThrows(
                                ProtocolException.class,
                                () -> ActionSyntax.parse(
                                        "view, a, https://a; view, b, https://b; view, c, https://c; view, d, https://d"))
                        .getMessage());
        assertEquals(
                3,
                ActionSyntax.parse("view, a, https://a; view, b, https://b; view, c, https://c")
                        .size());
    }

    @Test
    void jsonFormIsParsedAndNormalised() {
        List<Action> actions = ActionSyntax.parse(" [{\"action\":\"HTTP\",\"label\":\"Open door\","
                + "\"url\":\"https://door.lan/open\",\"method\":\"put\",\"headers\":{\"Content-Type\":\"text/plain\"}},"
                + "{\"action\":\"view\",\"label\":\"Show portal\",\"url\":\"https://door.lan\",\"clear\":true}]");
        assertEquals(
                List.of(
                        action(
                                "http",
                                "Open door",
                                "https://door.lan/open",
                                "PUT",
                                Map.of("Content-Type", "text/plain"),
                                null,
                                null,
                                null,
                                null,
                                false),
                        Action.view("Show portal", "https://door.lan", true)),
                actions);
        assertEquals(List.of(), ActionSyntax.parse("[]"));
    }

    @Test
    void keyedSectionsInAnyOrderWithSpacesAroundEquals() {
        assertEquals(
                List.of(action(
                        "http", "this is a label", "http://google.com", null, null, null, null, null, null, false)),
                ActionSyntax.parse("url = \"http://google.com\", label = 'this is a label', " + "action = http"));
    }

    @Test
    void headersAndExtrasKeepTheCaseOfTheirNames() {
        Action http = ActionSyntax.parse("action=http, label=Send, url=http://example.com, method=GET, "
                        + "headers.Content-Type=application/json, headers.Authorization=Basic sdasffsf")
                .get(0);
        assertEquals(Map.of("Content-Type", "application/json", "Authorization", "Basic sdasffsf"), http.headers());
        Action broadcast = ActionSyntax.parse("action=broadcast, label=Do a thing, extras.command=some command, "
                        + "extras.some_param=a parameter, intent=io.heckel.ntfy.TEST_INTENT")
                .get(0);
        assertEquals(Map.of("command", "some command", "some_param", "a parameter"), broadcast.extras());
        assertEquals("io.heckel.ntfy.TEST_INTENT", broadcast.intent());
    }

    @Test
    void copyActionTakesItsValueAsThirdPositionalSection() {
        // Newer servers (with the copy action) read "copy, <label>, <value>" this way.
        assertEquals(
                List.of(Action.copy("Copy code", "1234", true)),
                ActionSyntax.parse("copy, Copy code, 1234, clear=true"));
        assertEquals(
                List.of(Action.copy("Copy token", "abc-123-def", true)),
                ActionSyntax.parse("action=copy, label=Copy token, clear=true, value=abc-123-def"));
    }

    static Stream<String> trickyLabels() {
        return Stream.of(
                "Look ma, commas",
                "semi;colon",
                "He said \"hi\"",
                "it's",
                "it's \"both\", ok",
                " leading space",
                "trailing space ",
                "  ",
                "a=b",
                "key = value",
                "Кохайтеся а не воюйте, 💙🫤",
                "back\\slash",
                "ends with backslash\\",
                "quote at end\"",
                "'single quoted'",
                "\"double quoted\"",
                "\\\"escaped-looking",
                "a\\\"b, c",
                "a\\'b\" c, d",
                "tab\tinside",
                "x".repeat(500),
                "comma,at,end,",
                ";",
                ",",
                "\"",
                "'",
                "=",
                "clear=true",
                "url=https://evil.org",
                "👍");
    }

    @ParameterizedTest
    @MethodSource("trickyLabels")
    void formatThenParseGivesTheSameActions(String label) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Label", label);
        headers.put("Content-Type", "application/json");
        List<Action> actions = List.of(
                Action.view(label, "https://x.org/?a=1,2;b=" + label.length(), true),
                action(
                        "http",
                        label,
                        "https://api.example.com/" + label.length(),
                        "PUT",
                        headers,
                        "{\"label\": \"" + label + "\", \"n\": 1}",
                        null,
                        null,
                        null,
                        false),
                action(
                        "broadcast",
                        label,
                        null,
                        null,
                        null,
                        null,
                        "io.heckel.ntfy.USER_ACTION",
                        Map.of("cmd", label),
                        null,
                        false));
        String header = ActionSyntax.format(actions);
        assertEquals(actions, ActionSyntax.parse(header), header);
        assertEquals(actions, ActionSyntax.parse(ActionSyntax.formatJson(actions)));
    }

    @ParameterizedTest
    @MethodSource("trickyLabels")
    void copyActionRoundTrips(String label) {
        List<Action> actions = List.of(Action.copy(label, label + "; value", false));
        assertEquals(actions, ActionSyntax.parse(ActionSyntax.format(actions)), ActionSyntax.format(actions));
    }

    @Test
    void simpleActionsAreFormattedInTheShortSyntax() {
        assertEquals(
                "view, Open portal, https://home.nest.com/, clear=true",
                ActionSyntax.format(List.of(Action.view("Open portal", "https://home.nest.com/", true))));
        assertEquals(
                "http, \"Look ma, commas\", https://x.org, method=PUT, body=on",
                ActionSyntax.format(List.of(action(
                        "http", "Look ma, commas", "https://x.org", "PUT", null, "on", null, null, null, false))));
    }

    @Test
    void unknownTypeIsFormattedAsJsonAndRefusedOnParse() {
        List<Action> launch = List.of(action("launch", "Go", "app://x", null, null, null, null, null, null, false));
        String header = ActionSyntax.format(launch);
        assertTrue(header.startsWith("["), header);
        assertEquals(ActionType.UNKNOWN, launch.get(0).type());
        assertThrows(ProtocolException.class, () -> ActionSyntax.parse(header));
    }

    @Test
    void urlOfABroadcastActionSurvivesTheShortSyntax() {
        List<Action> actions =
                List.of(action("broadcast", "Go", "https://x.org", null, null, null, null, null, null, false));
        assertEquals(actions, ActionSyntax.parse(ActionSyntax.format(actions)), ActionSyntax.format(actions));
    }

    @Test
    void parsedActionsHaveNoIds() {
        assertFalse(ActionSyntax.parse("view, a, https://a").stream().anyMatch(a -> a.id() != null));
    }
}
