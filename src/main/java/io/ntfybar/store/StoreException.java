package io.ntfybar.store;

/**
 * The message store cannot be used. The message is a sentence for the user (what failed, what to do); the cause keeps
 * the detail for the log. Nothing is deleted or overwritten when this is thrown.
 */
public class StoreException extends RuntimeException {
    /** Why the store failed, so callers can react (e.g. offer to quit the other instance when it is locked). */
    public enum Kind {
        LOCKED,
        CORRUPT,
        TOO_NEW,
        IO
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
