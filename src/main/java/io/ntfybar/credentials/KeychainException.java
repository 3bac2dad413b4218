package io.ntfybar.credentials;

/** The OS keychain refused or failed; the message says so for the user and never contains the secret. */
public class KeychainException extends RuntimeException {
    public KeychainException(String message, Throwable cause) {
        super(message, cause);
    }
}
