package io.ntfybar.protocol;

/**
 * A stream line, SSE data payload or JSON object that is not a valid ntfy event: not JSON, not an object, too long,
 * a required field missing or a field of the wrong type. The message is one short sentence naming what is wrong;
 * quoted input in it is cut to about 80 characters. Immutable, like every exception.
 */
public class MalformedEventException extends ProtocolException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
