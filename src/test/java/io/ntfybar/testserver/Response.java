package io.ntfybar.testserver;

import io.ntfybar.model.Message;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the router answers: a complete response, or the start of a subscriber stream. */
final class Response {
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte[] body;
    /** For a live stream: the subscriber (already registered) and the events to write first (open, replay). */
    Subscriber stream;

    List<Message> initial = List.of();

    Response(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Access-Control-Allow-Origin", "*");
    }

    static Response json(String jsonLine) {
        return new Response(200, "application/json", (jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Response error(HttpError e) {
        return new Response(e.status, "application/json", e.body());
    }

    static Response stream(Framing framing, Subscriber subscriber, List<Message> initial) {
        Response r = new Response(200, framing.contentType, new byte[0]);
        r.stream = subscriber;
        r.initial = initial;
        return r;
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static String reason(int status) {
        switch (status) {
            case 100:
                return "Continue";
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 413:
                return "Request Entity Too Large";
            case 414:
                return "Request-URI Too Long";
            case 429:
                return "Too Many Requests";
            case 431:
                return "Request Header Fields Too Large";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            default:
                return "Status " + status;
        }
    }
}
