package io.ntfybar.notify.mac;

import io.ntfybar.model.Action;
import io.ntfybar.render.NotificationSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The plain-Java decisions of the macOS notifier: constants from Apple's headers, the bundle guard, category ids and
 * action identifiers, response classification. No native code, so all of it is unit-tested anywhere.
 *
 * <p>Numeric values and where they come from (UserNotifications SDK headers, cross-checked with two independent
 * language bindings of them; unverified on a Mac until the macOS workflow has run):
 *
 * <ul>
 *   <li>{@code UNAuthorizationOptions}: Badge 1&lt;&lt;0, Sound 1&lt;&lt;1, Alert 1&lt;&lt;2, so 7.
 *   <li>{@code UNNotificationPresentationOptions}: Badge 1&lt;&lt;0, Sound 1&lt;&lt;1, Alert 1&lt;&lt;2 (deprecated),
 *       List 1&lt;&lt;3, Banner 1&lt;&lt;4; List|Banner|Sound = 8+16+2 = 26.
 *   <li>{@code UNNotificationInterruptionLevel} (NSUInteger): Passive 0, Active 1, TimeSensitive 2, Critical 3 (never
 *       used: it needs an entitlement Apple grants).
 *   <li>{@code UNNotificationCategoryOptions}: CustomDismissAction 1&lt;&lt;0, so dismissals are reported.
 *   <li>{@code UNNotificationActionOptions}: none (0) for every ntfy button.
 * </ul>
 */
public final class MacMapping {
    public static final long AUTHORIZATION_OPTIONS = 1L | 2L | 4L;
    public static final long PRESENTATION_OPTION_SOUND = 1L << 1;
    public static final long PRESENTATION_OPTION_LIST = 1L << 3;
    public static final long PRESENTATION_OPTION_BANNER = 1L << 4;
    public static final long PRESENTATION_OPTIONS =
            PRESENTATION_OPTION_LIST | PRESENTATION_OPTION_BANNER | PRESENTATION_OPTION_SOUND;
    public static final long CATEGORY_OPTION_CUSTOM_DISMISS_ACTION = 1L;
    public static final long ACTION_OPTIONS_NONE = 0L;

    /** Apple's limit for an image attachment (JPEG, GIF, PNG). */
    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;

    static final String ACTION_PREFIX = "action-";
    static final String CATEGORY_PREFIX = "ntfybar-actions-";

    public static final String DENIED = "Notifications are turned off for ntfybar in System Settings > Notifications";

    private MacMapping() {}

    /** {@code UNNotificationInterruptionLevel} of a level. */
    public static long interruptionLevel(NotificationSpec.Level level) {
        return switch (level) {
            case PASSIVE -> 0L;
            case ACTIVE -> 1L;
            case TIME_SENSITIVE -> 2L;
        };
    }

    /**
     * Why UNUserNotificationCenter must not be touched in this process, or null when it may: it needs a bundle
     * identifier and a main bundle that is an {@code .app} ({@code +currentNotificationCenter} raises an Objective-C
     * exception otherwise, which aborts the JVM).
     */
    public static String notBundledReason(String bundleIdentifier, String bundlePath) {
        if (bundleIdentifier == null || bundleIdentifier.isBlank()) {
            return "macOS Notification Center needs ntfybar to run as an app (ntfybar.app): this process has no bundle"
                    + " identifier";
        }
        if (bundlePath == null
                || !stripTrailingSlash(bundlePath).toLowerCase(Locale.ROOT).endsWith(".app")) {
            return "macOS Notification Center needs ntfybar to run as an app (ntfybar.app): the main bundle is "
                    + bundlePath;
        }
        return null;
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code action-0}, {@code action-1}, {@code action-2}: the UN action identifier of button {@code index}. */
    public static String actionIdentifier(int index) {
        return ACTION_PREFIX + index;
    }

    /** The button index of an action identifier we made, or empty for anything else. */
    public static OptionalInt actionIndex(String actionIdentifier) {
        if (actionIdentifier == null || !actionIdentifier.startsWith(ACTION_PREFIX)) {
            return OptionalInt.empty();
        }
        String digits = actionIdentifier.substring(ACTION_PREFIX.length());
        if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }

    /**
     * A category id that depends only on the buttons' types and labels, in order: the same set of buttons always maps
     * to the same category, a different one to a different category. Per-message data (URLs, bodies) is not part of
     * it: the app looks it up by identity when a button is pressed.
     */
    public static String categoryId(List<Action> actions) {
        StringBuilder key = new StringBuilder();
        for (Action a : actions) {
            key.append(a.type().wireName().isEmpty() ? a.action() : a.type().wireName())
                    .append('\u0000')
                    .append(a.label())
                    .append('\u0001');
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return CATEGORY_PREFIX + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    /** What a response's action identifier means. */
    public enum ResponseKind {
        CLICK,
        DISMISS,
        ACTION,
        UNKNOWN
    }

    public static ResponseKind classify(String actionIdentifier, String defaultIdentifier, String dismissIdentifier) {
        if (actionIdentifier == null) {
            return ResponseKind.UNKNOWN;
        }
        if (actionIdentifier.equals(defaultIdentifier)) {
            return ResponseKind.CLICK;
        }
        if (actionIdentifier.equals(dismissIdentifier)) {
            return ResponseKind.DISMISS;
        }
        return actionIndex(actionIdentifier).isPresent() ? ResponseKind.ACTION : ResponseKind.UNKNOWN;
    }

    /** Text for an NSString: stringWithUTF8String: stops at NUL, so a NUL becomes a space. */
    static String nsSafe(String s) {
        return s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', ' ');
    }
}
