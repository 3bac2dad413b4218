package io.ntfybar.testserver;

import io.ntfybar.model.Action;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.Event;
import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import io.ntfybar.protocol.ActionSyntax;
import io.ntfybar.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns publish parameters and a body into the message ntfy would store (protocol sections 5.2 and 5.4). Stores an
 * uploaded body in the {@link AttachmentStore}; caching and delivery are the caller's. Thread-safe.
 */
final class Publisher {
    /** What a publish produced. */
    record Publication(Message message, boolean cache, boolean scheduled) {}

    static final Pattern HTTP_URL = Pattern.compile("^https?://.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEQUENCE_ID = Pattern.compile("^[-_A-Za-z0-9]{1,64}$");
    private static final Pattern DIGITS = Pattern.compile("^\\d+$");

    private final TestServerConfig config;
    private final AttachmentStore files;
    private final java.util.function.LongSupplier clockMillis;

    Publisher(TestServerConfig config, AttachmentStore files, java.util.function.LongSupplier clockMillis) {
        this.config = config;
        this.files = files;
        this.clockMillis = clockMillis;
    }

    /**
     * @param sequenceIdFromPath from {@code POST /<topic>/<sequence id>}, or null
     * @param baseUrl for attachment URLs
     */
    Publication publish(String topic, ParamSource p, byte[] body, String sequenceIdFromPath, String baseUrl) {
        long nowMillis = clockMillis.getAsLong();
        long now = nowMillis / 1000;
        String id = Ids.message();
        boolean cache = !p.param("x-cache", "cache").equalsIgnoreCase("no");
        String title = p.param("x-title", "title", "t");
        String click = p.param("x-click", "click");
        String icon = p.param("x-icon", "icon");
        if (!icon.isEmpty() && !HTTP_URL.matcher(icon).matches()) {
            throw HttpError.ICON_INVALID;
        }
        String attach = p.param("x-attach", "attach", "a");
        if (!attach.isEmpty() && !HTTP_URL.matcher(attach).matches()) {
            throw HttpError.ATTACH_URL_INVALID;
        }
        String filename = p.param("x-filename", "filename", "file", "f");
        if (!p.param("x-email", "x-e-mail", "email", "e-mail", "mail", "e").isEmpty()) {
            throw HttpError.EMAIL_DISABLED;
        }
        if (!p.param("x-call", "call").isEmpty()) {
            throw HttpError.CALL_DISABLED;
        }
        String message = p.param("x-message", "message", "m").replace("\\n", "\n");
        int priority = priority(p.param("x-priority", "priority", "prio", "p"));
        List<String> tags = splitTags(p.param("x-tags", "tags", "tag", "ta"));
        long time = delay(p.param("x-delay", "delay", "x-at", "at", "x-in", "in"), cache, now);
        boolean scheduled = time > now;
        List<Action> actions = actions(p.param("x-actions", "actions", "action"));
        boolean markdown = p.boolParam(false, "x-markdown", "markdown", "md")
                || p.param("content-type", "content_type").equalsIgnoreCase("text/markdown");
        boolean unifiedPush = p.boolParam(false, "x-unifiedpush", "unifiedpush", "up")
                || "aes128gcm".equalsIgnoreCase(p.param("content-encoding"));
        String pollId = p.param("x-poll-id", "poll-id");
        String sequenceId = sequenceIdFromPath != null
                ? sequenceIdFromPath
                : p.param("x-sequence-id", "sequence-id", "sequence_id", "sid");
        if (!sequenceId.isEmpty() && !SEQUENCE_ID.matcher(sequenceId).matches()) {
            throw HttpError.SEQUENCE_ID_INVALID;
        }

        String event = Event.MESSAGE.wireName();
        String encoding = null;
        Attachment attachment = null;
        if (!pollId.isEmpty()) {
            event = Event.POLL_REQUEST.wireName();
            message = "New message";
            cache = false;
        } else if (unifiedPush) {
            if (body.length <= config.messageSizeLimit() && isUtf8(body)) {
                message = new String(body, StandardCharsets.UTF_8);
            } else {
                message = Base64.getEncoder()
                        .encodeToString(Arrays.copyOf(body, Math.min(body.length, config.messageSizeLimit())));
                encoding = Message.BASE64;
            }
        } else if (!attach.isEmpty()) {
            String name = filename.isEmpty() ? nameFromUrl(attach) : filename;
            attachment = new Attachment(name, null, null, null, attach);
            if (body.length > 0) {
                if (!isUtf8(body)) {
                    throw HttpError.NOT_UTF8;
                }
                message = new String(body, StandardCharsets.UTF_8).trim();
            }
            if (message.isEmpty()) {
                message = "You received a file: " + name;
            }
        } else if (!filename.isEmpty() || body.length > config.messageSizeLimit() || !isUtf8(body)) {
            attachment = upload(id, body, filename, now, time, baseUrl);
            if (message.isEmpty()) {
                message = "You received a file: " + attachment.name();
            }
        } else if (body.length > 0) {
            message = new String(body, StandardCharsets.UTF_8).trim();
        }
        if (message.isEmpty()) {
            message = "triggered";
        }
        Long expires = cache ? time + config.cacheDuration().toSeconds() : null;
        Message m = new Message(
                id,
                time,
                expires,
                event,
                topic,
                title.isEmpty() ? null : title,
                message,
                priority,
                tags,
                click.isEmpty() ? null : click,
                icon.isEmpty() ? null : icon,
                actions,
                attachment,
                pollId.isEmpty() ? null : pollId,
                markdown ? Message.MARKDOWN : null,
                encoding,
                sequenceId.isEmpty() ? null : sequenceId);
        return new Publication(m, cache, scheduled);
    }

    private Attachment upload(String id, byte[] body, String filename, long now, long time, String baseUrl) {
        if (!config.attachmentsEnabled()) {
            throw HttpError.ATTACHMENTS_DISABLED;
        }
        if (body.length > config.attachmentFileSizeLimit()
                || files.totalBytes(now) + body.length > config.attachmentTotalSizeLimit()) {
            throw HttpError.ATTACHMENT_TOO_LARGE;
        }
        long expires = now + config.attachmentExpiry().toSeconds();
        if (time > expires) {
            throw HttpError.ATTACHMENT_EXPIRES_BEFORE_DELIVERY;
        }
        String[] typeAndExt = AttachmentStore.sniff(body);
        String name = filename.isEmpty() ? "attachment" + typeAndExt[1] : filename;
        files.put(id, new AttachmentStore.StoredFile(body, typeAndExt[0], name, expires));
        return new Attachment(
                name, typeAndExt[0], (long) body.length, expires, baseUrl + "/file/" + id + typeAndExt[1]);
    }

    private static int priority(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        return Priority.parse(s).orElseThrow(() -> HttpError.PRIORITY_INVALID).level();
    }

    private long delay(String s, boolean cache, long now) {
        if (s.isEmpty()) {
            return now;
        }
        if (!cache) {
            throw HttpError.DELAY_NO_CACHE;
        }
        long at;
        if (DIGITS.matcher(s).matches()) {
            try {
                at = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw HttpError.DELAY_CANNOT_PARSE;
            }
        } else {
            Long ms = Durations.parseNtfy(s);
            if (ms == null) {
                throw HttpError.DELAY_CANNOT_PARSE; // natural-language dates are not supported here
            }
            at = ms / 1000 > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + ms / 1000;
        }
        if (at < now + config.minDelay().toSeconds()) {
            throw HttpError.DELAY_TOO_SMALL;
        }
        if (at > now + config.maxDelay().toSeconds()) {
            throw HttpError.DELAY_TOO_LARGE;
        }
        return at;
    }

    private static List<Action> actions(String s) {
        if (s.isEmpty()) {
            return List.of();
        }
        List<Action> parsed;
        try {
            parsed = ActionSyntax.parse(s);
        } catch (ProtocolException e) {
            throw HttpError.ACTIONS_INVALID.withDetail(e.getMessage());
        }
        List<Action> out = new ArrayList<>(parsed.size());
        for (Action a : parsed) {
            out.add(new Action(
                    Ids.random(10),
                    a.action(),
                    a.label(),
                    a.clear(),
                    a.url(),
                    a.method(),
                    a.headers(),
                    a.body(),
                    a.intent(),
                    a.extras(),
                    a.value()));
        }
        return out;
    }

    /** ntfy's tag list: comma-separated, each trimmed, empty ones dropped, inner spaces kept. */
    static List<String> splitTags(String s) {
        List<String> tags = new ArrayList<>();
        for (String t : s.split(",")) {
            if (!t.trim().isEmpty()) {
                tags.add(t.trim());
            }
        }
        return tags;
    }

    private static String nameFromUrl(String url) {
        String path = url.replaceFirst("^[a-zA-Z]+://[^/]*", "");
        int q = path.indexOf('?');
        path = q < 0 ? path : path.substring(0, q);
        int slash = path.lastIndexOf('/');
        String base = slash < 0 ? path : path.substring(slash + 1);
        return base.isEmpty() ? "attachment" : base;
    }

    static boolean isUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
