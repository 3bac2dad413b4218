package io.ntfybar.actions;

import java.util.Objects;

/**
 * Why an attachment was not downloaded. {@link #getMessage()} is a sentence for people, e.g. {@code "photo.jpg" has
 * expired; the server no longer keeps it}; {@link #reason()} lets the caller decide what to offer (a retry makes sense
 * after {@link Reason#NETWORK}, not after {@link Reason#EXPIRED}).
 */
public final class AttachmentException extends Exception {
    /** The kind of problem. */
    public enum Reason {
        /** The attachment's {@code expires} time has passed; no request was made. */
        EXPIRED,
        /** It is, or turned out to be, larger than the limit; nothing is kept. */
        TOO_LARGE,
        /** Its URL is not an http or https link; no request was made. */
        REFUSED_URL,
        /** The server answered with a status other than 2xx, or redirected too often. */
        HTTP_STATUS,
        /** The server could not be reached, or the connection failed or timed out. */
        NETWORK,
        /** The cache folder could not be written. */
        FILE_SYSTEM
    }

    private final Reason reason;

    AttachmentException(Reason reason, String sentence, Throwable cause) {
        super(sentence, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    AttachmentException(Reason reason, String sentence) {
        this(reason, sentence, null);
    }

    public Reason reason() {
        return reason;
    }
}
