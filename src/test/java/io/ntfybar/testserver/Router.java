package io.ntfybar.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import io.ntfybar.protocol.TopicName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a request to ntfy's behaviour (protocol sections 3 to 8): authentication, routes, publish, subscribe. */
final class Router {
    private static final Set<String> DISALLOWED =
            Set.of("docs", "static", "file", "app", "metrics", "account", "settings", "signup", "login", "v1");
    private static final Pattern FILE = Pattern.compile("^/file/([-_A-Za-z0-9]{1,64})(\\.[A-Za-z0-9]{1,16})?$");
    private static final int JSON_BODY_LIMIT = 8192;

    private final Hub hub;
    private final TestAuth auth;

    Router(Hub hub, TestAuth auth) {
        this.hub = hub;
        this.auth = auth;
    }

    Response handle(HttpRequest req, String baseUrl) {
        try {
            return route(req, baseUrl);
        } catch (HttpError e) {
            return Response.error(e);
        } catch (RuntimeException e) {
            return Response.error(HttpError.INTERNAL.withDetail(String.valueOf(e)));
        }
    }

    private Response route(HttpRequest req, String baseUrl) {
        if (req.method.equals("OPTIONS")) {
            return new Response(200, null, new byte[0])
                    .header("Access-Control-Allow-Methods", "GET, PUT, POST, PATCH, DELETE")
                    .header("Access-Control-Allow-Headers", "*");
        }
        TestAuth.User user = auth.authenticate(authorization(req));
        String path = req.path;
        String method = req.method;
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean put = method.equals("PUT") || method.equals("POST");
        if (path.equals("/v1/health") && get) {
            return Response.json("{\"healthy\":true}");
        }
        Matcher file = FILE.matcher(path);
        if (file.matches() && get) {
            return file(file.group(1), file.group(2));
        }
        if (path.equals("/") && put) {
            return jsonPublish(req, user, baseUrl);
        }
        String[] seg = path.substring(1).split("/", -1);
        if (seg.length == 1 && put) {
            return publish(topic(seg[0]), req, req.body, null, user, baseUrl);
        }
        if (seg.length == 1 && get && req.boolParam(false, "x-unifiedpush", "unifiedpush", "up")) {
            topic(seg[0]);
            return Response.json("{\"unifiedpush\":{\"version\":1}}");
        }
        if (seg.length == 2) {
            String action = seg[1];
            Framing framing = Framing.of(action);
            if (framing != null && get) {
                return subscribe(topics(seg[0]), seg[0], framing, req, user);
            } else if (action.equals("ws") && get) {
                topics(seg[0]);
                throw HttpError.WEBSOCKET_UPGRADE_MISSING;
            } else if (action.equals("auth") && get) {
                checkRead(user, topics(seg[0]));
                return Response.json("{\"success\":true}");
            } else if (action.equals("publish") || action.equals("send") || action.equals("trigger")) {
                return publish(topic(seg[0]), req, req.body, null, user, baseUrl);
            } else if (put) {
                return publish(topic(seg[0]), req, req.body, action, user, baseUrl);
            } else if (method.equals("DELETE")) {
                return revision(topic(seg[0]), action, Event.MESSAGE_DELETE, user);
            }
        }
        if (seg.length == 3 && put && (seg[2].equals("clear") || seg[2].equals("read"))) {
            return revision(topic(seg[0]), seg[1], Event.MESSAGE_CLEAR, user);
        }
        throw HttpError.NOT_FOUND;
    }

    /** The Authorization value: the {@code auth} query parameter (URL-safe base64, no padding) wins over the header. */
    private String authorization(HttpRequest req) {
        if (!auth.enabled()) {
            return null;
        }
        String q = req.query("auth");
        if (q == null) {
            q = req.query("authorization");
        }
        if (q != null && !q.isEmpty()) {
            if (q.contains("=")) {
                throw HttpError.INTERNAL; // Go's RawURLEncoding refuses padding; ntfy answers 500
            }
            try {
                return new String(Base64.getUrlDecoder().decode(q), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw HttpError.INTERNAL;
            }
        }
        return req.header("authorization");
    }

    private Response publish(
            String topic, ParamSource params, byte[] body, String sequenceId, TestAuth.User user, String baseUrl) {
        if (!auth.canWrite(user, topic)) {
            throw HttpError.FORBIDDEN;
        }
        Publisher.Publication p = hub.publisher.publish(topic, params, body, sequenceId, baseUrl);
        hub.accept(p);
        return Response.json(MessageCodec.encode(p.message()));
    }

    private Response jsonPublish(HttpRequest req, TestAuth.User user, String baseUrl) {
        if (req.body.length > JSON_BODY_LIMIT) {
            throw HttpError.JSON_TOO_LARGE;
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(req.body);
        } catch (java.io.IOException e) {
            throw HttpError.JSON_INVALID;
        }
        if (json == null || !json.isObject()) {
            throw HttpError.JSON_INVALID;
        }
        String topic = text(json, "topic");
        if (!TopicName.isValid(topic)) {
            throw HttpError.TOPIC_INVALID;
        }
        if (DISALLOWED.contains(topic)) {
            throw HttpError.TOPIC_DISALLOWED;
        }
        Map<String, String> h = new HashMap<>();
        put(h, "X-Title", text(json, "title"));
        JsonNode prio = json.get("priority");
        if (prio != null && !prio.isNull() && prio.asInt() != 0) {
            h.put("X-Priority", prio.asText());
        }
        JsonNode tags = json.get("tags");
        if (tags != null && tags.isArray()) {
            List<String> list = new ArrayList<>();
            tags.forEach(t -> list.add(t.asText()));
            put(h, "X-Tags", String.join(",", list));
        }
        put(h, "X-Click", text(json, "click"));
        put(h, "X-Icon", text(json, "icon"));
        JsonNode actions = json.get("actions");
        if (actions != null && actions.isArray() && actions.size() > 0) {
            h.put("X-Actions", actions.toString());
        }
        put(h, "X-Attach", text(json, "attach"));
        put(h, "X-Filename", text(json, "filename"));
        JsonNode markdown = json.get("markdown");
        if (markdown != null && markdown.asBoolean()) {
            h.put("X-Markdown", "yes");
        }
        put(h, "X-Email", text(json, "email"));
        put(h, "X-Call", text(json, "call"));
        put(h, "X-Delay", text(json, "delay"));
        put(h, "X-Cache", text(json, "cache"));
        put(h, "X-Firebase", text(json, "firebase"));
        put(h, "X-Sequence-ID", text(json, "sequence_id"));
        String message = text(json, "message");
        byte[] body = message == null ? new byte[0] : message.getBytes(StandardCharsets.UTF_8);
        return publish(topic, new MapParams(h), body, null, user, baseUrl);
    }

    private Response subscribe(
            List<String> topics, String rawTopics, Framing framing, HttpRequest req, TestAuth.User user) {
        checkRead(user, topics);
        long now = hub.nowMillis();
        SubscribeParams params = SubscribeParams.parse(req, now);
        Set<String> topicSet = hub.served(new LinkedHashSet<>(topics));
        if (params.poll()) {
            StringBuilder body = new StringBuilder();
            List<Message> cached = hub.cache.query(topicSet, params.since(), params.scheduled(), now / 1000);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (Message m : cached) {
                if (params.passes(m)) {
                    out.writeBytes(framing.frame(m));
                }
            }
            return new Response(200, framing.contentType, out.toByteArray());
        }
        Subscriber s = new Subscriber(topicSet, framing, params, rawTopics, hub::nowMillis);
        hub.register(s); // before reading the cache, so that nothing published meanwhile is missed
        List<Message> initial = new ArrayList<>();
        initial.add(s.control(Event.OPEN));
        for (Message m : hub.cache.query(topicSet, params.since(), params.scheduled(), now / 1000)) {
            if (params.passes(m)) {
                initial.add(m);
            }
        }
        return Response.stream(framing, s, initial);
    }

    /** Emits a {@code message_clear} or {@code message_delete} event for a sequence id; it is cached like a message. */
    private Response revision(String topic, String sequenceId, Event event, TestAuth.User user) {
        if (!auth.canWrite(user, topic)) {
            throw HttpError.FORBIDDEN;
        }
        if (!TopicName.isValid(sequenceId)) {
            throw HttpError.SEQUENCE_ID_INVALID;
        }
        long now = hub.nowMillis() / 1000;
        Message m = new Message(
                Ids.message(),
                now,
                now + hub.config.cacheDuration().toSeconds(),
                event.wireName(),
                topic,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                sequenceId);
        hub.cache.removeScheduled(topic, sequenceId);
        hub.accept(new Publisher.Publication(m, true, false));
        return Response.json(MessageCodec.encode(m));
    }

    private Response file(String id, String ext) {
        AttachmentStore.StoredFile f = hub.files.get(id, hub.nowMillis() / 1000);
        if (f == null) {
            throw HttpError.NOT_FOUND;
        }
        String type = ext == null ? f.type() : AttachmentStore.typeOfExtension(ext);
        return new Response(200, type, f.bytes())
                .header("Content-Disposition", "attachment; filename=" + Json.quote(f.name()));
    }

    private void checkRead(TestAuth.User user, List<String> topics) {
        for (String t : topics) {
            if (!auth.canRead(user, t)) {
                throw HttpError.FORBIDDEN;
            }
        }
    }

    private static String topic(String segment) {
        List<String> t = topics(segment);
        if (t.size() != 1) {
            throw HttpError.NOT_FOUND; // publishing goes to exactly one topic
        }
        return t.get(0);
    }

    private static List<String> topics(String segment) {
        List<String> out = new ArrayList<>();
        for (String t : segment.split(",", -1)) {
            if (!TopicName.isValid(t)) {
                throw HttpError.NOT_FOUND; // ntfy's routes simply do not match an invalid topic
            }
            if (DISALLOWED.contains(t)) {
                throw HttpError.TOPIC_DISALLOWED;
            }
            out.add(t);
        }
        return out;
    }

    private static String text(JsonNode json, String key) {
        JsonNode v = json.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void put(Map<String, String> h, String name, String value) {
        if (value != null && !value.isEmpty()) {
            h.put(name, value);
        }
    }
}
