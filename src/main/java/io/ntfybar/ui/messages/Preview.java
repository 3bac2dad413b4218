package io.ntfybar.ui.messages;

import java.nio.file.Path;

/**
 * The state of a message's image preview. Immutable.
 *
 * @param file the downloaded image when {@link Status#READY}
 * @param reason why there is none, for people, when {@link Status#FAILED} or {@link Status#NOT_AUTOMATIC}
 */
public record Preview(Status status, Path file, String reason) {
    public enum Status {
        /** Not asked for yet. */
        NONE,
        LOADING,
        READY,
        /** Larger than the auto-download limit (or auto-download is off): downloaded only when asked. */
        NOT_AUTOMATIC,
        FAILED
    }

    public static final Preview NONE = new Preview(Status.NONE, null, null);
    public static final Preview LOADING = new Preview(Status.LOADING, null, null);
}
