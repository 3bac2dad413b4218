package io.ntfybar.app.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretRedactorTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Authorization: Basic cGhpbDpzZWNyZXQ= sent|Authorization: Basic *** sent",
                "authorization=Bearer tk_abcdefghijklmnopqrstuvwxyz123|authorization=Bearer ***",
                "GET https://ntfy.example/t/json?poll=1&auth=QmFzaWMgcGhpbA&since=all|GET https://ntfy.example/t/json?poll=1&auth=***&since=all",
                "token tk_abcdefghijklmnopqrstuvwxyz123 rejected|token tk_*** rejected",
                "connect https://phil:hunter2@ntfy.example/t failed|connect https://***@ntfy.example/t failed",
                "login with password=hunter2 failed|login with password=*** failed",
            })
    void masksCredentials(String in, String expected) {
        assertEquals(expected, SecretRedactor.redact(in));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Connected to https://ntfy.sh/mytopic/sse?since=1700000000 (3 topics)";
        assertEquals(text, SecretRedactor.redact(text));
    }

    @Test
    void masksSecretsInsideExceptionTraces() {
        String trace =
                "java.io.IOException: 401 for Authorization: Bearer tk_0123456789abcdefghijklmnopqrs\n\tat x.y(Z.java:1)";
        assertFalse(SecretRedactor.redact(trace).contains("0123456789abcdefghijklmnopqrs"));
    }
}
