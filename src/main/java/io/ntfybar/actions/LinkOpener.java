package io.ntfybar.actions;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Opens a link from a message ({@code view} action or {@code click} URL) in the user's browser or mail program.
 * Implementations must refuse what {@link LinkPolicy} refuses, whatever the caller checked before.
 */
public interface LinkOpener {
    /**
     * Hands {@code link} to the system, on the user's click only. The stage never completes exceptionally: a refused
     * link or an opener that could not be started gives an unsuccessful {@link ActionResult} with a sentence.
     */
    CompletionStage<ActionResult> open(URI link);
}
