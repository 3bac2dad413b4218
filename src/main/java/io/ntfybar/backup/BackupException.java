package io.ntfybar.backup;

/** A backup or import that cannot be used at all (unreadable, not a backup, a newer format); the message is a sentence. */
public final class BackupException extends RuntimeException {
    public BackupException(String sentence) {
        super(sentence);
    }

    public BackupException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
