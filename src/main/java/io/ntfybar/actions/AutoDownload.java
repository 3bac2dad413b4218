package io.ntfybar.actions;

import io.ntfybar.model.Attachment;
import java.util.Locale;

/**
 * Which attachments are downloaded as soon as their message arrives, as the "auto download" setting of ntfy's Android
 * app: never, up to a size (100 kB, 500 kB, 1 MB, 5 MB, 10 MB, 50 MB; binary units, 1 MB = 1,048,576 bytes, as
 * Android counts) or always. The default is 1 MB, as on Android.
 *
 * <p>As on Android, an attachment whose size the message does not say (an external attachment) is allowed by every
 * setting except {@link #NEVER}: the download starts, and {@link AttachmentDownloader} stops it and deletes the
 * partial file as soon as more than {@link #limitBytes()} arrive. Expiry is not judged here; the downloader refuses
 * expired attachments.
 */
public enum AutoDownload {
    NEVER(0, "never"),
    KB_100(100L * 1024, "100k"),
    KB_500(500L * 1024, "500k"),
    MB_1(1024L * 1024, "1m"),
    MB_5(5L * 1024 * 1024, "5m"),
    MB_10(10L * 1024 * 1024, "10m"),
    MB_50(50L * 1024 * 1024, "50m"),
    ALWAYS(Long.MAX_VALUE, "always");

    public static final AutoDownload DEFAULT = MB_1;

    private final long limitBytes;
    private final String settingName;

    AutoDownload(long limitBytes, String settingName) {
        this.limitBytes = limitBytes;
        this.settingName = settingName;
    }

    /** The most bytes a download may bring: 0 for never, {@link Long#MAX_VALUE} for always. */
    public long limitBytes() {
        return limitBytes;
    }

    /** The name in the settings file: never, 100k, 500k, 1m, 5m, 10m, 50m or always. */
    public String settingName() {
        return settingName;
    }

    /** True when the attachment may be downloaded without asking: its known size is within the limit, or unknown. */
    public boolean allows(Attachment attachment) {
        if (this == NEVER) {
            return false;
        }
        Long size = attachment.size();
        return size == null || size <= limitBytes;
    }

    /**
     * Reads a setting, case-insensitively and ignoring spaces: {@code never} (also {@code off}, {@code no}),
     * {@code always}, a size such as {@code 100k}, {@code 100 kB}, {@code 1m}, {@code 1MB}, {@code 5MiB}, or a number
     * as in an Android backup ({@code 0} never, {@code 1} always, otherwise the byte count of one of the choices).
     *
     * @throws IllegalArgumentException with a sentence listing the choices when the text is none of them
     */
    public static AutoDownload parse(String setting) {
        String s = setting == null ? "" : setting.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        switch (s) {
            case "never", "off", "no", "none", "0" -> {
                return NEVER;
            }
            case "always", "1" -> {
                return ALWAYS;
            }
            default -> {
                // sizes below
            }
        }
        if (s.matches("[0-9]+")) {
            try {
                long bytes = Long.parseLong(s);
                for (AutoDownload a : values()) {
                    if (a != NEVER && a != ALWAYS && a.limitBytes == bytes) {
                        return a;
                    }
                }
            } catch (NumberFormatException e) {
                // too long: not a choice
            }
        }
        String unit = s.replaceFirst("(ib|b)$", "");
        for (AutoDownload a : values()) {
            if (a.settingName.equals(unit)) {
                return a;
            }
        }
        throw new IllegalArgumentException("\"" + Snippet.visible(setting, 30)
                + "\" is not an auto-download setting; use never, 100k, 500k, 1m, 5m, 10m, 50m or always");
    }
}
