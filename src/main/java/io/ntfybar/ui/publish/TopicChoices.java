package io.ntfybar.ui.publish;

import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.protocol.TopicUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the topic field can mean: the subscribed topics by their short URL (so that {@code 127.0.0.1:8080/alerts}
 * keeps the {@code http} of its subscription, which a short URL alone would lose), else anything
 * {@link TopicUrl#parse(String, ServerUrl)} accepts, a bare topic being on the default server. Not thread-safe; used on
 * the FX thread.
 */
final class TopicChoices {
    private final Map<String, TopicUrl> known = new LinkedHashMap<>();
    private ServerUrl defaultServer = ServerUrl.NTFY_SH;

    /** Takes the subscriptions and the default server; a subscription the protocol refuses is left out. */
    void update(List<Subscription> subs, String server) {
        try {
            defaultServer = ServerUrl.of(server);
        } catch (RuntimeException e) {
            defaultServer = ServerUrl.NTFY_SH;
        }
        known.clear();
        for (Subscription s : subs) {
            try {
                TopicUrl t = new TopicUrl(ServerUrl.of(s.baseUrl()), s.topic());
                known.put(t.shortUrl(), t);
            } catch (RuntimeException e) {
                // Nothing could be published there; not offering it is the honest choice.
            }
        }
    }

    List<String> shortUrls() {
        return List.copyOf(known.keySet());
    }

    ServerUrl defaultServer() {
        return defaultServer;
    }

    /**
     * The topic typed.
     *
     * @throws io.ntfybar.protocol.ProtocolException with a lowercase sentence when it is not a topic
     */
    TopicUrl resolve(String typed) {
        String s = typed == null ? "" : typed.strip();
        TopicUrl k = known.get(s);
        return k != null ? k : TopicUrl.parse(s, defaultServer);
    }

    /** How to show a topic URL in the field: a subscription's short URL, else short for https and in full for http. */
    String display(String url) {
        TopicUrl t;
        try {
            t = resolve(url);
        } catch (RuntimeException e) {
            return url;
        }
        for (Map.Entry<String, TopicUrl> e : known.entrySet()) {
            if (e.getValue().equals(t)) {
                return e.getKey();
            }
        }
        return t.server().scheme().equals("https") ? t.shortUrl() : t.toString();
    }
}
