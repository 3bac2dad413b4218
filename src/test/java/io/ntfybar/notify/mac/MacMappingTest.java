package io.ntfybar.notify.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Action;
import io.ntfybar.render.NotificationSpec.Level;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacMappingTest {

    @Test
    void levelsAreApplesInterruptionLevels() {
        assertEquals(0L, MacMapping.interruptionLevel(Level.PASSIVE));
        assertEquals(1L, MacMapping.interruptionLevel(Level.ACTIVE));
        assertEquals(2L, MacMapping.interruptionLevel(Level.TIME_SENSITIVE));
    }

    @Test
    void optionBitsAreTheHeadersValues() {
        assertEquals(7L, MacMapping.AUTHORIZATION_OPTIONS);
        assertEquals(26L, MacMapping.PRESENTATION_OPTIONS);
        assertEquals(1L, MacMapping.CATEGORY_OPTION_CUSTOM_DISMISS_ACTION);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "io.ntfybar.app, /Applications/ntfybar.app, true",
                "io.ntfybar.app, /Applications/ntfybar.app/, true",
                "io.ntfybar.app, /Users/me/Apps/Ntfybar.APP, true",
                "null, /Applications/ntfybar.app, false",
                "'', /Applications/ntfybar.app, false",
                "io.ntfybar.app, /Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home/bin, false",
                "io.ntfybar.app, null, false",
                "io.ntfybar.app, /Applications/ntfybar.app/Contents/Resources/helper, false",
                "com.apple.java, /usr/bin, false"
            })
    void onlyAnAppBundleWithAnIdentifierMayUseNotificationCenter(String id, String path, boolean allowed) {
        String reason = MacMapping.notBundledReason(id, path);
        if (allowed) {
            assertNull(reason);
        } else {
            assertNotNull(reason);
            assertTrue(reason.contains("ntfybar.app"), reason);
        }
    }

    @Test
    void actionIdentifiersRoundTripAndForeignOnesAreRejected() {
        for (int i = 0; i < 3; i++) {
            assertEquals(OptionalInt.of(i), MacMapping.actionIndex(MacMapping.actionIdentifier(i)));
        }
        assertEquals("action-2", MacMapping.actionIdentifier(2));
        for (String s : new String[] {null, "", "action-", "action-x", "action--1", "action-123", "Action-1", "1"}) {
            assertEquals(OptionalInt.empty(), MacMapping.actionIndex(s), s);
        }
    }

    @Test
    void responsesAreClassified() {
        String def = "com.apple.UNNotificationDefaultActionIdentifier";
        String dis = "com.apple.UNNotificationDismissActionIdentifier";
        assertEquals(MacMapping.ResponseKind.CLICK, MacMapping.classify(def, def, dis));
        assertEquals(MacMapping.ResponseKind.DISMISS, MacMapping.classify(dis, def, dis));
        assertEquals(MacMapping.ResponseKind.ACTION, MacMapping.classify("action-0", def, dis));
        assertEquals(MacMapping.ResponseKind.UNKNOWN, MacMapping.classify("reply", def, dis));
        assertEquals(MacMapping.ResponseKind.UNKNOWN, MacMapping.classify(null, def, dis));
        assertEquals(MacMapping.ResponseKind.UNKNOWN, MacMapping.classify(def, null, null));
    }

    @Test
    void categoryIdsDependOnTypesAndLabelsInOrderOnly() {
        Action open = Action.view("Open", "https://a", false);
        Action openElsewhere = Action.view("Open", "https://b", true);
        Action restart = Action.http("Restart", "https://r", "PUT", Map.of("A", "b"), "x", false);
        String id = MacMapping.categoryId(List.of(open, restart));
        assertTrue(id.matches("ntfybar-actions-[0-9a-f]{16}"), id);
        assertEquals(id, MacMapping.categoryId(List.of(openElsewhere, restart)), "URLs and flags are not part of it");
        assertNotEquals(id, MacMapping.categoryId(List.of(restart, open)), "order matters");
        assertNotEquals(id, MacMapping.categoryId(List.of(open)));
        assertNotEquals(
                MacMapping.categoryId(List.of(Action.view("Go", "u", false))),
                MacMapping.categoryId(List.of(Action.copy("Go", "v", false))),
                "the type matters");
        // no ambiguity from concatenation
        assertNotEquals(
                MacMapping.categoryId(List.of(Action.view("ab", "u", false), Action.view("c", "u", false))),
                MacMapping.categoryId(List.of(Action.view("a", "u", false), Action.view("bc", "u", false))));
        assertEquals(
                "ntfybar-actions-67b846e50088548e",
                MacMapping.categoryId(List.of(open)),
                "stable across runs: sha256 of view NUL Open SOH");
    }

    @Test
    void nulCannotTruncateAnNSString() {
        assertEquals("a b", MacMapping.nsSafe("a\u0000b"));
        assertEquals("ab", MacMapping.nsSafe("ab"));
    }
}
