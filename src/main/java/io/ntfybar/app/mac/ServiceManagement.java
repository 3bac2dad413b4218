package io.ntfybar.app.mac;

/**
 * The app's own login item through macOS 13's {@code SMAppService mainAppService}: its status, register and
 * unregister. A port, so that {@link MacLoginItem}'s logic is tested without a Mac; {@link AppleServiceManagement} is
 * the real one.
 */
interface ServiceManagement {
    /** {@code SMAppServiceStatusNotRegistered}. */
    long NOT_REGISTERED = 0;
    /** {@code SMAppServiceStatusEnabled}. */
    long ENABLED = 1;
    /** {@code SMAppServiceStatusRequiresApproval}: registered, waiting for the user in System Settings. */
    long REQUIRES_APPROVAL = 2;
    /** {@code SMAppServiceStatusNotFound}. */
    long NOT_FOUND = 3;

    long status();

    /** @throws IllegalStateException with the system's reason */
    void register();

    /** @throws IllegalStateException with the system's reason */
    void unregister();
}
