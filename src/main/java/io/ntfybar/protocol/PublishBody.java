package io.ntfybar.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ntfybar.model.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Writes a {@link PublishRequest} as the JSON body of ntfy's JSON publish ({@code PUT}/{@code POST} to the server's
 * root, {@link NtfyUrls#jsonPublish}; protocol section 5.3). Checks first what the server would refuse, so the user
 * gets a clear sentence instead of a 400. Pure and thread-safe.
 */
public final class PublishBody {
    /** The server refuses larger JSON publish bodies (413, code 41303). */
    public static final int MAX_BYTES = 8192;

    private static final Pattern HTTP_URL = Pattern.compile("^https?://.*", Pattern.CASE_INSENSITIVE);

    private PublishBody() {}

    /**
     * The JSON body, one line. Unset options are left out; {@code cache} and {@code firebase} are written as
     * {@code "no"} only when turned off; {@code priority} as a number.
     *
     * @throws ProtocolException when the topic, an action, the icon or attachment URL is invalid, or the body
     *     would be larger than {@value #MAX_BYTES} bytes
     */
    public static String encode(PublishRequest r) {
        ObjectNode o = ActionJson.MAPPER.createObjectNode();
        o.put("topic", TopicName.validate(r.topic()));
        putIfSet(o, "message", r.message());
        putIfSet(o, "title", r.title());
        if (r.priority() != null) {
            o.put("priority", r.priority().level());
        }
        if (!r.tags().isEmpty()) {
            r.tags().forEach(o.putArray("tags")::add);
        }
        putIfSet(o, "click", r.click());
        putIfSet(o, "icon", checkUrl("icon", r.icon()));
        if (!r.actions().isEmpty()) {
            ActionSyntax.validate(r.actions());
            o.set("actions", ActionJson.writeAll(r.actions()));
        }
        putIfSet(o, "attach", checkUrl("attachment", r.attach()));
        putIfSet(o, "filename", r.filename());
        if (r.markdown()) {
            o.put("markdown", true);
        }
        putIfSet(o, "email", r.email());
        putIfSet(o, "call", r.call());
        putIfSet(o, "delay", r.delay());
        if (!r.cache()) {
            o.put("cache", "no");
        }
        if (!r.firebase()) {
            o.put("firebase", "no");
        }
        putIfSet(o, "sequence_id", r.sequenceId());
        String json = o.toString();
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new ProtocolException("the message is too large to publish (" + bytes + " bytes as JSON, at most "
                    + MAX_BYTES + "); shorten it or send the text as an attachment");
        }
        return json;
    }

    private static String checkUrl(String what, String url) {
        if (url != null && !url.isEmpty() && !HTTP_URL.matcher(url).matches()) {
            throw new ProtocolException(
                    "the " + what + " URL must start with http:// or https://, not " + InputSnippet.quote(url));
        }
        return url;
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }
}
