package io.ntfybar.net;

/**
 * A server's trust settings cannot be used (a CA file or client certificate that is missing, unreadable, expired or
 * locked with another password). The message is a sentence for the user. Unchecked, as an {@link
 * IllegalStateException}: nothing is sent to the server then, and nothing falls back to weaker security.
 */
public final class TrustException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrustException(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    public TrustException(String sentence) {
        super(sentence);
    }
}
