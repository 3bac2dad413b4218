package io.ntfybar.notify;

import io.ntfybar.model.Action;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the notification service needs from {@code actions}: opening links by the scheme rules, running an http action,
 * the clipboard, and local images for a message. A port, so that the service is tested with real notifiers and real
 * HTTP while the app wires the real implementations ({@code app.DesktopActions}).
 */
public interface MessageActions {
    /** Why this link must not be opened without asking (a {@code javascript:} or {@code file:} URL, ...), or empty. */
    Optional<String> refusal(String url);

    /** Opens an allowed link in the default browser or mail program. */
    void open(String url);

    /**
     * Runs an http action of a message from {@code serverBaseUrl}; the stage completes with the outcome, never
     * exceptionally. Only a request to that same server gets its trust settings and headers.
     */
    CompletionStage<Outcome> runHttp(Action action, String serverBaseUrl);

    /** Puts text on the clipboard; false when there is none. */
    boolean copy(String text);

    /**
     * A local image to show with the message, downloading its image attachment (within the auto-download limit) or
     * its icon; empty when there is none. May block on the network: called on the notification thread only.
     */
    Optional<String> imageFor(Subscription subscription, Message message);

    /**
     * @param success the action did what it should (an http action got a 2xx answer)
     * @param reason why not, for people; null on success
     */
    record Outcome(boolean success, String reason) {}
}
