package io.ntfybar.protocol;

/**
 * Input that does not follow the ntfy protocol: a stream line that is not a JSON object, an invalid action header,
 * an invalid topic. The message is a sentence fit to show a user; it never contains credentials.
 */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
