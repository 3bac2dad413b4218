package io.ntfybar.settings;

/** The settings file cannot be read or written; the message is a sentence for the user. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
