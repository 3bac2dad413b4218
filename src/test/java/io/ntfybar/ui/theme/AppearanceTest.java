package io.ntfybar.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppearanceTest {
    @Test
    void parsesTheSettingsWordsInAnyCase() {
        assertEquals(Appearance.SYSTEM, Appearance.parse("system"));
        assertEquals(Appearance.LIGHT, Appearance.parse("Light"));
        assertEquals(Appearance.DARK, Appearance.parse(" DARK\n"));
    }

    @Test
    void anythingElseMeansSystem() {
        assertEquals(Appearance.SYSTEM, Appearance.parse(null));
        assertEquals(Appearance.SYSTEM, Appearance.parse(""));
        assertEquals(Appearance.SYSTEM, Appearance.parse("darkk"));
        assertEquals(Appearance.SYSTEM, Appearance.parse("auto"));
    }

    @Test
    void keyIsTheSettingsWordAndRoundTrips() {
        assertEquals("system", Appearance.SYSTEM.key());
        assertEquals("light", Appearance.LIGHT.key());
        assertEquals("dark", Appearance.DARK.key());
        for (Appearance a : Appearance.values()) {
            assertEquals(a, Appearance.parse(a.key()));
        }
    }

    @Test
    void onlySystemFollowsTheSystem() {
        assertTrue(Appearance.SYSTEM.isDark(true));
        assertFalse(Appearance.SYSTEM.isDark(false));
        assertFalse(Appearance.LIGHT.isDark(true));
        assertTrue(Appearance.DARK.isDark(false));
    }
}
