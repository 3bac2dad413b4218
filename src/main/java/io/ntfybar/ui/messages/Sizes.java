package io.ntfybar.ui.messages;

import io.ntfybar.ui.UiText;
import java.text.DecimalFormat;

/** Byte counts for people, in binary units as ntfy's apps show them: 512 bytes, 100 kB, 5.2 MB. Pure. */
final class Sizes {
    private static final UiText TEXT = UiText.of(Sizes.class);

    private Sizes() {}

    static String shown(long bytes) {
        if (bytes < 1024) {
            return TEXT.get("size.bytes", bytes);
        }
        String[] keys = {"size.kb", "size.mb", "size.gb"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < keys.length - 1) {
            v /= 1024;
            u++;
        }
        return TEXT.get(keys[u], new DecimalFormat("0.#").format(v));
    }
}
