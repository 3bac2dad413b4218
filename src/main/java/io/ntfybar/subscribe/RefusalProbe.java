package io.ntfybar.subscribe;

import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.NtfyError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a server refused a comma-joined stream: one forbidden topic fails the whole request, so ask
 * {@code /<topic>/auth} for each to find the culprits. Blocking; runs on the engine's I/O thread.
 */
final class RefusalProbe {
    /** Why one topic is refused. */
    record Verdict(TopicProblem.Kind kind, String sentence) {}

    private final Poller poller;

    RefusalProbe(Poller poller) {
        this.poller = poller;
    }

    /** The refused topics with their verdicts; a topic that cannot be checked now is left out (it stays in). */
    Map<String, Verdict> refused(ConnectionKey key, AuthorizationHeader auth, List<String> topics, NtfyError error) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (String topic : topics) {
            NtfyError refusal = error;
            if (error.status() != 401) { // a wrong login fails every topic alike; no need to ask
                try {
                    refusal = poller.checkAccess(key, auth, topic);
                } catch (Poller.PollException e) {
                    continue;
                }
            }
            if (refusal != null) {
                verdicts.put(topic, verdict(key.server().shortForm() + "/" + topic + ": ", refusal, auth != null));
            }
        }
        return verdicts;
    }

    private static Verdict verdict(String where, NtfyError refusal, boolean loggedIn) {
        if (refusal.status() == 401) {
            return new Verdict(TopicProblem.Kind.NEEDS_LOGIN, where + refusal.userMessage());
        }
        if (refusal.status() == 403) {
            // Anonymous and forbidden means the topic needs a login (protocol section 12, point 11).
            return loggedIn
                    ? new Verdict(TopicProblem.Kind.FORBIDDEN, where + refusal.userMessage())
                    : new Verdict(
                            TopicProblem.Kind.NEEDS_LOGIN,
                            where + "this topic needs a login. Add your user"
                                    + " name and password or a token for this server.");
        }
        return new Verdict(TopicProblem.Kind.INVALID, where + refusal.userMessage());
    }
}
