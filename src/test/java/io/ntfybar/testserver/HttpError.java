package io.ntfybar.testserver;

import java.nio.charset.StandardCharsets;

/** An error answer in ntfy's shape ({@code {"code","http","error","link"}}, protocol section 4.3). */
final class HttpError extends RuntimeException {
    private static final String DOCS = "https://ntfy.sh/docs/";

    final int status;
    final int code;
    final String link;

    HttpError(int status, int code, String text, String link) {
        super(text);
        this.status = status;
        this.code = code;
        this.link = link;
    }

    HttpError withDetail(String detail) {
        return new HttpError(status, code, getMessage() + "; " + detail, link);
    }

    byte[] body() {
        StringBuilder b = new StringBuilder("{");
        if (code > 0) {
            b.append("\"code\":").append(code).append(',');
        }
        b.append("\"http\":").append(status).append(",\"error\":").append(Json.quote(getMessage()));
        if (link != null) {
            b.append(",\"link\":").append(Json.quote(link));
        }
        return b.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static HttpError of(int status, int code, String text) {
        return new HttpError(status, code, text, null);
    }

    static final HttpError EMAIL_DISABLED = of(400, 40001, "e-mail notifications are not enabled");
    static final HttpError DELAY_NO_CACHE =
            new HttpError(400, 40002, "cannot disable cache for delayed message", DOCS + "publish/#scheduled-delivery");
    static final HttpError DELAY_CANNOT_PARSE = new HttpError(
            400, 40004, "invalid delay parameter: unable to parse delay", DOCS + "publish/#scheduled-delivery");
    static final HttpError DELAY_TOO_SMALL = new HttpError(
            400,
            40005,
            "invalid delay parameter: too small, please refer to the docs",
            DOCS + "publish/#scheduled-delivery");
    static final HttpError DELAY_TOO_LARGE = new HttpError(
            400,
            40006,
            "invalid delay parameter: too large, please refer to the docs",
            DOCS + "publish/#scheduled-delivery");
    static final HttpError PRIORITY_INVALID =
            new HttpError(400, 40007, "invalid priority parameter", DOCS + "publish/#message-priority");
    static final HttpError SINCE_INVALID =
            new HttpError(400, 40008, "invalid since parameter", DOCS + "subscribe/api/#fetch-cached-messages");
    static final HttpError TOPIC_INVALID = of(400, 40009, "invalid request: topic invalid");
    static final HttpError TOPIC_DISALLOWED = of(400, 40010, "invalid request: topic name is not allowed");
    static final HttpError NOT_UTF8 = of(400, 40011, "invalid request: message must be UTF-8 encoded");
    static final HttpError ATTACH_URL_INVALID = of(400, 40013, "invalid request: attachment URL is invalid");
    static final HttpError ATTACHMENTS_DISABLED = of(400, 40014, "invalid request: attachments not allowed");
    static final HttpError ATTACHMENT_EXPIRES_BEFORE_DELIVERY =
            of(400, 40015, "invalid request: attachment expiry before delayed delivery date");
    static final HttpError WEBSOCKET_UPGRADE_MISSING =
            of(400, 40016, "invalid request: client not using the websocket protocol");
    static final HttpError ACTIONS_INVALID =
            new HttpError(400, 40018, "invalid request: actions invalid", DOCS + "publish/#action-buttons");
    static final HttpError ICON_INVALID = of(400, 40021, "invalid request: icon URL is invalid");
    static final HttpError JSON_INVALID = of(400, 40024, "invalid request: request body must be valid JSON");
    static final HttpError CALL_DISABLED = of(400, 40032, "invalid request: calling is disabled");
    static final HttpError SEQUENCE_ID_INVALID = of(400, 40049, "invalid request: sequence ID invalid");
    static final HttpError UNAUTHORIZED = new HttpError(401, 40101, "unauthorized", DOCS + "publish/#authentication");
    static final HttpError FORBIDDEN = new HttpError(403, 40301, "forbidden", DOCS + "publish/#authentication");
    static final HttpError NOT_FOUND = of(404, 40401, "page not found");
    static final HttpError ATTACHMENT_TOO_LARGE =
            of(413, 41301, "invalid request: attachment too large, or bandwidth limit reached");
    static final HttpError JSON_TOO_LARGE = of(413, 41303, "invalid request: JSON body too large");
    static final HttpError TOO_MANY_REQUESTS =
            new HttpError(429, 42901, "limit reached: too many requests", DOCS + "publish/#limitations");
    static final HttpError TOO_MANY_AUTH_FAILURES =
            new HttpError(429, 42909, "limit reached: too many auth failures", DOCS + "publish/#limitations");
    static final HttpError INTERNAL = of(500, 50001, "internal server error");
}
