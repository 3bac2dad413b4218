package io.ntfybar.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WCAG 2 contrast of each theme's text colours against its backgrounds, read from the theme CSS itself. */
class ContrastTest {
    private static final Pattern HEX_VARIABLE = Pattern.compile("(-nb-[a-z-]+)\\s*:\\s*#([0-9a-fA-F]{6})\\s*;");
    private static final double BODY_TEXT = 4.5;

    static Map<String, String> variables(String stylesheet) throws IOException {
        try (InputStream in = Themes.class.getResourceAsStream(stylesheet)) {
            assertNotNull(in, stylesheet);
            Matcher m = HEX_VARIABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> vars = new HashMap<>();
            while (m.find()) {
                vars.put(m.group(1), m.group(2));
            }
            return vars;
        }
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void contrastMatchesWcagReferenceValues() {
        assertEquals(21.0, contrast("000000", "ffffff"), 0.01);
        assertEquals(1.0, contrast("777777", "777777"), 0.001);
        assertEquals(4.48, contrast("777777", "ffffff"), 0.01);
        assertTrue(contrast("777777", "888888") < BODY_TEXT, "grey on grey fails");
    }

    @ParameterizedTest
    @ValueSource(strings = {"light.css", "dark.css"})
    void textIsReadableOnEveryBackground(String theme) throws IOException {
        Map<String, String> v = variables(theme);
        String[][] pairs = {
            {"-nb-fg", "-nb-bg"},
            {"-nb-fg", "-nb-sidebar-bg"},
            {"-nb-fg", "-nb-selection"},
            {"-nb-fg", "-nb-code-bg"},
            {"-nb-muted", "-nb-bg"},
            {"-nb-muted", "-nb-sidebar-bg"},
            {"-nb-accent", "-nb-bg"},
            {"-nb-error", "-nb-bg"},
            {"-nb-ok", "-nb-bg"},
            {"-nb-priority-high", "-nb-bg"},
            {"-nb-priority-max", "-nb-bg"},
            {"-nb-on-accent", "-nb-unread"},
        };
        for (String[] p : pairs) {
            String text = v.get(p[0]);
            String back = v.get(p[1]);
            assertNotNull(text, theme + " defines " + p[0] + " as #rrggbb");
            assertNotNull(back, theme + " defines " + p[1] + " as #rrggbb");
            double c = contrast(text, back);
            assertTrue(
                    c >= BODY_TEXT,
                    String.format(
                            "%s: %s #%s on %s #%s is %.2f:1, below %.1f:1",
                            theme, p[0], text, p[1], back, c, BODY_TEXT));
        }
    }

    @Test
    void mutedAndPriorityTextStayReadableOnASelectedRow() throws IOException {
        for (String theme : new String[] {"light.css", "dark.css"}) {
            Map<String, String> v = variables(theme);
            for (String text : new String[] {"-nb-muted", "-nb-priority-max", "-nb-priority-high"}) {
                double c = contrast(v.get(text), v.get("-nb-selection"));
                // Secondary text on a selection: the WCAG large-text / UI-component level.
                assertTrue(c >= 3.0, String.format("%s: %s on -nb-selection is %.2f:1", theme, text, c));
            }
        }
    }
}
