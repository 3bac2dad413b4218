package io.ntfybar.backup;

import io.ntfybar.actions.AutoDownload;
import io.ntfybar.model.Subscription;
import io.ntfybar.settings.NotificationSettings;
import io.ntfybar.settings.Settings;
import java.util.Optional;

/**
 * How the values of ntfy's Android app (its backup, {@code backup/Backuper.kt}, and {@code db/Repository.kt}) map to
 * ntfybar's and back. Both encode "mute", "keep" and "theme" differently. Pure.
 */
final class AndroidValues {
    static final String MAGIC = "ntfy2586";
    static final int VERSION = 1;

    /** Android's {@code mutedUntil} "forever"; 0 shows everything; anything else is an epoch second. */
    static final long ANDROID_MUTED_FOREVER = 1;
    /** Android's per-subscription {@code autoDelete} and {@code insistent} "use the global setting". */
    static final long ANDROID_USE_GLOBAL = -1;
    /** Android's {@code autoDownloadMaxSize} "never" and "always"; other values are byte counts. */
    static final long ANDROID_DOWNLOAD_NEVER = 0;

    static final long ANDROID_DOWNLOAD_ALWAYS = 1;
    /** AppCompatDelegate's night modes as Android stores them in {@code darkMode}. */
    static final int ANDROID_THEME_SYSTEM = -1;

    static final int ANDROID_THEME_LIGHT = 1;
    static final int ANDROID_THEME_DARK = 2;
    /** Attachment {@code progress} of a file that was never downloaded. */
    static final int ANDROID_NOT_DOWNLOADED = -1;

    private static final long DAY = 24 * 60 * 60;

    private AndroidValues() {}

    /** Android mute (0, 1 forever, epoch) to ntfybar's (0, -1 until resumed, epoch). */
    static long muteFromAndroid(long v) {
        if (v == ANDROID_MUTED_FOREVER) {
            return Subscription.MUTED_UNTIL_RESUMED;
        }
        return Math.max(0, v);
    }

    static long muteToAndroid(long v) {
        return v == NotificationSettings.MUTED_UNTIL_RESUMED ? ANDROID_MUTED_FOREVER : Math.max(0, v);
    }

    /** A subscription's Android {@code autoDelete} (-1 global, 0 never, seconds) to ntfybar's (0 global, -1 never). */
    static long autoDeleteFromAndroid(long v) {
        if (v == 0) {
            return Subscription.NO_LIMIT;
        }
        return v > 0 ? v : 0;
    }

    static long autoDeleteToAndroid(long v) {
        if (v == Subscription.NO_LIMIT) {
            return 0;
        }
        return v > 0 ? v : ANDROID_USE_GLOBAL;
    }

    /** Android's global {@code autoDeleteSeconds} (0 never) as ntfybar's {@code keep-days} (0 forever), rounded up. */
    static int keepDaysFromAndroid(long seconds) {
        if (seconds <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (seconds + DAY - 1) / DAY);
    }

    static long keepDaysToAndroid(int days) {
        return days * DAY;
    }

    /** Android's {@code darkMode} as ntfybar's {@code appearance}; empty for a mode ntfybar does not have. */
    static Optional<String> appearanceFromAndroid(long mode) {
        if (mode == ANDROID_THEME_SYSTEM) {
            return Optional.of(Settings.APPEARANCE_SYSTEM);
        }
        if (mode == ANDROID_THEME_LIGHT) {
            return Optional.of("light");
        }
        return mode == ANDROID_THEME_DARK ? Optional.of("dark") : Optional.empty();
    }

    static int appearanceToAndroid(String appearance) {
        return switch (appearance) {
            case "light" -> ANDROID_THEME_LIGHT;
            case "dark" -> ANDROID_THEME_DARK;
            default -> ANDROID_THEME_SYSTEM;
        };
    }

    /** Android's {@code autoDownloadMaxSize} as ntfybar's {@code auto-download}; empty when it is none of the choices. */
    static Optional<String> autoDownloadFromAndroid(long bytes) {
        try {
            return Optional.of(AutoDownload.parse(Long.toString(bytes)).settingName());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static long autoDownloadToAndroid(String setting) {
        AutoDownload a;
        try {
            a = AutoDownload.parse(setting);
        } catch (IllegalArgumentException e) {
            a = AutoDownload.DEFAULT;
        }
        return switch (a) {
            case NEVER -> ANDROID_DOWNLOAD_NEVER;
            case ALWAYS -> ANDROID_DOWNLOAD_ALWAYS;
            default -> a.limitBytes();
        };
    }

    /** Android's {@code defaultBaseUrl}: empty means the app's own default, ntfy.sh. */
    static String defaultServerToAndroid(String defaultServer) {
        return Settings.NTFY_SH.equals(defaultServer) ? "" : defaultServer;
    }
}
