package io.ntfybar.ui.messages;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Stand-in values of the theme's looked-up colours for demos and screenshots on this branch, until the app's
 * {@code base.css} is merged. Test code only.
 */
final class DemoTheme {
    private DemoTheme() {}

    static String stylesheet() {
        String css = ".root { -nb-bg: #ffffff; -nb-fg: #1f2328; -nb-muted: #6e7781; -nb-accent: #338574;"
                + " -nb-unread: #338574; -nb-error: #c62828; -nb-ok: #2e7d32; -nb-sidebar-bg: #f3f5f7;"
                + " -nb-selection: #d7ebe6; -nb-priority-high: #e65100; -nb-priority-max: #c62828;"
                + " -fx-font-size: 13px; }"
                + ".muted-text { -fx-text-fill: -nb-muted; } .error-text { -fx-text-fill: -nb-error; }"
                + ".ok-text { -fx-text-fill: -nb-ok; }";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
