package io.ntfybar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NtfyErrorTest {

    private static String body(int code, int http, String error) {
        return "{\"code\":" + code + ",\"http\":" + http + ",\"error\":\"" + error
                + "\",\"link\":\"https://ntfy.sh/docs/\"}\n";
    }

    @Test
    void parsesAllFieldsOfANtfyErrorBody() {
        NtfyError e = NtfyError.parse(
                400,
                "{\"code\":40008,\"http\":400,\"error\":\"invalid since parameter\","
                        + "\"link\":\"https://ntfy.sh/docs/subscribe/api/#fetch-cached-messages\"}\n");
        assertEquals(
                new NtfyError(
                        400,
                        40008,
                        "invalid since parameter",
                        null,
                        "https://ntfy.sh/docs/subscribe/api/#fetch-cached-messages",
                        true),
                e);
    }

    @Test
    void splitsTheDetailAfterTheSemicolon() {
        NtfyError e =
                NtfyError.parse(400, body(40018, 400, "invalid request: actions invalid; only 3 actions allowed"));
        assertEquals("invalid request: actions invalid", e.error());
        assertEquals("only 3 actions allowed", e.detail());
        assertEquals(
                "The action buttons are not valid: only 3 actions allowed. Fix them: at most 3, each with a "
                        + "label, and a URL for view and http actions.",
                e.userMessage());
    }

    @Test
    void codeAndLinkMayBeMissing() {
        NtfyError e = NtfyError.parse(400, "{\"http\":400,\"error\":\"something new\"}");
        assertNull(e.code());
        assertNull(e.link());
        assertTrue(e.fromNtfy());
        assertEquals(
                "The server refused the request (HTTP 400: something new). Check the message and the server "
                        + "settings.",
                e.userMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   \n",
                "<html><head><title>502 Bad Gateway</title></head></html>",
                "{broken",
                "[1,2]",
                "null",
                "{\"unrelated\":true}"
            })
    void bodiesThatAreNotNtfyErrorsStillGiveASentence(String body) {
        NtfyError e = NtfyError.parse(400, body);
        assertFalse(e.fromNtfy());
        assertNull(e.code());
        assertEquals(
                "The server answered with HTTP 400 and a response that does not come from ntfy (perhaps a "
                        + "proxy). Check the server URL.",
                e.userMessage());
    }

    @Test
    void nullBodyIsLikeAnEmptyOne() {
        assertEquals(new NtfyError(502, null, null, null, null, false), NtfyError.parse(502, null));
    }

    @Test
    void fieldsOfTheWrongTypeAreIgnored() {
        NtfyError e = NtfyError.parse(403, "{\"code\":\"40301\",\"error\":42,\"link\":[]}");
        assertEquals(new NtfyError(403, null, null, null, null, false), e);
        assertTrue(e.isForbidden());
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
        401 | 40101 | The server rejected the user name, password or access token. Check the login for this server.
        401 |       | The server rejected the user name, password or access token. Check the login for this server.
        403 | 40301 | You have no permission for this topic. Log in with an account that has access, or ask the server's admin to grant it.
        403 |       | You have no permission for this topic. Log in with an account that has access, or ask the server's admin to grant it.
        404 | 40401 | The server does not know this address. Check the server URL and the topic name (a topic is 1 to 64 letters, digits, '-' or '_').
        404 |       | The server does not know this address. Check the server URL and the topic name (a topic is 1 to 64 letters, digits, '-' or '_').
        400 | 40004 | The server could not understand the delay. Use a duration such as 30m or 2h, a time such as 'tomorrow, 10am', or a unix time.
        400 | 40005 | The delay is too short. ntfy needs a delay of at least 10 seconds.
        400 | 40006 | The delay is too long for this server (3 days by default). Choose an earlier time.
        400 | 40007 | The priority is not valid. Use 1 to 5, or min, low, default, high or max.
        400 | 40008 | The server did not accept where to resume from (the 'since' value). Use all, latest, none, a message id, a unix time or a duration such as 10m.
        400 | 40009 | The topic name is not valid: a topic is 1 to 64 letters, digits, '-' or '_'. Change the topic.
        400 | 40010 | This topic name is reserved on the server (for example docs, file, app, account or settings). Choose another topic.
        400 | 40013 | The attachment URL is not valid. It must start with http:// or https://.
        400 | 40014 | The message is too large and this server does not accept attachments. Shorten the message to at most 4096 bytes.
        400 | 40021 | The icon URL is not valid. It must start with http:// or https://.
        400 | 40024 | The server could not read the request as JSON. This is likely a bug in ntfybar; please report it.
        413 | 41301 | The attachment is too large for this server, or your attachment quota is used up. Send a smaller file or try again later.
        413 |       | The attachment is too large for this server, or your attachment quota is used up. Send a smaller file or try again later.
        413 | 41303 | The message is too large to publish (a JSON request may have at most 8192 bytes). Shorten it or send the text as an attachment.
        429 | 42901 | The server is limiting how often you may send requests. Wait a minute and try again.
        429 | 42908 | Your daily message limit on this server is reached. Try again tomorrow, or ask the server's admin for a higher limit.
        429 | 42909 | Too many failed logins from this address, so the server refuses logins for a while. Check the user name and password, then wait before trying again.
        429 |       | The server is limiting how often you may send requests. Wait a minute and try again.
        414 |       | The request address is too long, usually because too many topics share one connection. Subscribe to fewer topics on this server.
        502 |       | The server, or a proxy in front of it, is not available right now (HTTP 502). ntfybar will try again; if this lasts, check the server.
        503 |       | The server, or a proxy in front of it, is not available right now (HTTP 503). ntfybar will try again; if this lasts, check the server.
        """)
    void eachKnownErrorHasItsOwnAdvice(int status, Integer code, String expected) {
        String body = code == null ? "" : body(code, status, "some server text");
        assertEquals(expected, NtfyError.parse(status, body).userMessage());
    }

    @Test
    void internalErrorsIncludeTheServerText() {
        assertEquals(
                "The server had an internal error (HTTP 500, code 50001: internal server error). Try again "
                        + "later; if it lasts, tell the server's admin.",
                NtfyError.parse(500, body(50001, 500, "internal server error")).userMessage());
        assertEquals(
                "The server had an internal error (HTTP 500). Try again later; if it lasts, tell the "
                        + "server's admin.",
                NtfyError.parse(500, "").userMessage());
    }

    @Test
    void unknownCodesFallBackToTheServerText() {
        assertEquals(
                "The server refused the request (HTTP 400, code 40001: e-mail notifications are not enabled). "
                        + "Check the message and the server settings.",
                NtfyError.parse(400, body(40001, 400, "e-mail notifications are not enabled"))
                        .userMessage());
    }

    @Test
    void sentencesNeverRepeatCredentialsOrLongServerText() {
        NtfyError e = NtfyError.parse(
                400,
                body(
                        40099,
                        400,
                        "bad header Authorization: Basic cGhpbDpzM2NyZXQ= and token tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2"));
        assertFalse(e.userMessage().contains("cGhpbDpzM2NyZXQ"), e.userMessage());
        assertFalse(e.userMessage().contains("tk_AgQ"), e.userMessage());
        String longText =
                NtfyError.parse(400, body(40098, 400, "x".repeat(10_000))).userMessage();
        assertTrue(longText.length() < 250, longText);
    }

    @Test
    void classifiesRetryableAndLoginProblems() {
        assertTrue(NtfyError.parse(401, "").isWrongCredentials());
        assertTrue(NtfyError.parse(403, "").isForbidden());
        assertTrue(NtfyError.parse(429, "").isRetryable());
        assertTrue(NtfyError.parse(503, "<html>").isRetryable());
        assertFalse(NtfyError.parse(400, "").isRetryable());
    }
}
