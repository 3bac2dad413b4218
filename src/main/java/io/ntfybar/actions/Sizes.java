package io.ntfybar.actions;

import java.util.Locale;

/** Byte counts for people, in binary units as ntfy's Android app shows them: 512 bytes, 100 kB, 1 MB, 5.2 MB. */
final class Sizes {
    private Sizes() {}

    static String shown(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)) + " "
                + units[u];
    }
}
