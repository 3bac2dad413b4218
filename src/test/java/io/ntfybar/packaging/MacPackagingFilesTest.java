package io.ntfybar.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lint of the macOS packaging inputs that no Mac checks before a release: packaging/macos/Info.plist and the
 * entitlements, read with {@link Plists} (the JDK's XML parser plus the rules of Apple's plist DTD).
 */
class MacPackagingFilesTest {
    private static final Path MACOS = Path.of("packaging", "macos");

    /** The keys of jpackage's own Info.plist (JDK 17, Info-lite.plist.template): an override must keep them all. */
    private static final List<String> JPACKAGE_KEYS = List.of(
            "LSMinimumSystemVersion",
            "CFBundleDevelopmentRegion",
            "CFBundleAllowMixedLocalizations",
            "CFBundleExecutable",
            "CFBundleIconFile",
            "CFBundleIdentifier",
            "CFBundleInfoDictionaryVersion",
            "CFBundleName",
            "CFBundlePackageType",
            "CFBundleShortVersionString",
            "CFBundleSignature",
            "LSApplicationCategoryType",
            "CFBundleVersion",
            "NSHumanReadableCopyright",
            "NSHighResolutionCapable");

    private static final Map<String, Object> HARDENED_RUNTIME = Map.of(
            "com.apple.security.cs.allow-jit", true,
            "com.apple.security.cs.allow-unsigned-executable-memory", true,
            "com.apple.security.cs.disable-library-validation", true);

    @Test
    void infoPlistMakesAMenuBarAppWithOurIdentityAndIcon() throws Exception {
        Map<String, Object> info = Plists.readDict(MACOS.resolve("Info.plist"));
        for (String key : JPACKAGE_KEYS) {
            assertTrue(info.containsKey(key), "Info.plist lacks " + key + ", which jpackage's own has");
        }
        assertEquals("io.ntfybar.app", info.get("CFBundleIdentifier"));
        assertEquals(true, info.get("LSUIElement"), "LSUIElement: no Dock icon, a menu-bar app");
        // jpackage names the launcher and the copied --icon after --name ntfybar (packaging/jpackage.sh).
        assertEquals("ntfybar", info.get("CFBundleExecutable"));
        assertEquals("ntfybar.icns", info.get("CFBundleIconFile"));
        assertTrue(Files.size(Path.of("icons", "app.icns")) > 0);
        assertEquals("APPL", info.get("CFBundlePackageType"));
        assertEquals("6.0", info.get("CFBundleInfoDictionaryVersion"));
        // Filled in by packaging/jpackage.sh from the project version.
        assertEquals("@VERSION@", info.get("CFBundleShortVersionString"));
        assertEquals("@VERSION@", info.get("CFBundleVersion"));
        assertTrue(Files.readString(Path.of("packaging", "jpackage.sh")).contains("s/@VERSION@/"));
        assertTrue(((String) info.get("LSMinimumSystemVersion")).matches("\\d+\\.\\d+"));
        assertTrue(((String) info.get("LSApplicationCategoryType")).startsWith("public.app-category."));
        assertTrue(((String) info.get("NSHumanReadableCopyright")).contains("ntfybar"));
        for (Map.Entry<String, Object> e : info.entrySet()) {
            boolean flag = e.getKey().equals("LSUIElement")
                    || e.getKey().startsWith("NS") && !e.getKey().equals("NSHumanReadableCopyright")
                    || e.getKey().equals("CFBundleAllowMixedLocalizations");
            assertTrue(
                    flag ? e.getValue() instanceof Boolean : e.getValue() instanceof String,
                    e.getKey() + " has the wrong type: "
                            + e.getValue().getClass().getSimpleName());
        }
    }

    @Test
    void entitlementsAllowTheJvmUnderTheHardenedRuntimeAndNothingElse() throws Exception {
        Map<String, Object> entitlements = Plists.readDict(MACOS.resolve("entitlements.plist"));
        assertEquals(HARDENED_RUNTIME, entitlements);
        assertFalse(entitlements.containsKey("com.apple.security.app-sandbox"));
    }

    @Test
    void timeSensitiveEntitlementsAreTheSameAndTheRestrictedKeysWithATeam() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>(HARDENED_RUNTIME);
        expected.put("com.apple.developer.usernotifications.time-sensitive", true);
        expected.put("com.apple.application-identifier", "@TEAM_ID@.io.ntfybar.app");
        expected.put("com.apple.developer.team-identifier", "@TEAM_ID@");
        assertEquals(expected, Plists.readDict(MACOS.resolve("entitlements-time-sensitive.plist")));
        String sign = Files.readString(MACOS.resolve("sign-and-notarize.sh"));
        assertTrue(sign.contains("s/@TEAM_ID@/"), "sign-and-notarize.sh fills in the team");
        assertTrue(sign.contains("embedded.provisionprofile"), "and embeds the profile the entitlement needs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"entitlements.plist", "entitlements-time-sensitive.plist"})
    void entitlementsHaveNoComments(String file) throws IOException {
        // codesign embeds the entitlements as given; keep them to plain plist XML.
        assertFalse(Files.readString(MACOS.resolve(file)).contains("<!--"));
    }

    @Test
    void theReaderRefusesWhatBreaksThePlistRules() {
        String head = "<?xml version=\"1.0\"?><!DOCTYPE plist PUBLIC \"" + Plists.PUBLIC_ID
                + "\" \"https://www.apple.com/DTDs/PropertyList-1.0.dtd\">";
        Map<String, String> broken = Map.of(
                "<plist version=\"1.0\"><dict><key>a</key><true/><key>a</key><false/></dict></plist>", "twice",
                "<plist version=\"1.0\"><dict><key>a</key></dict></plist>", "no value",
                "<plist version=\"1.0\"><dict><key>a</key><key>b</key><true/></dict></plist>", "another key",
                "<plist version=\"1.0\"><dict><key>a</key><bool>yes</bool></dict></plist>", "not a plist element",
                "<plist version=\"1.0\"><dict><key>a</key><true>x</true></dict></plist>", "must be empty",
                "<plist version=\"1.0\"><dict><key>a</key><integer>1.5</integer></dict></plist>", "not an integer",
                "<plist version=\"2.0\"><dict/></plist>", "not 1.0",
                "<plist version=\"1.0\"><dict><key>a</key><string>x</string></dict>", "well-formed",
                "<plist version=\"1.0\"><dict>text<key>a</key><true/></dict></plist>", "text");
        for (Map.Entry<String, String> e : broken.entrySet()) {
            Plists.PlistException ex = assertThrows(Plists.PlistException.class, () -> parse(head + e.getKey()));
            assertTrue(ex.getMessage().contains(e.getValue()), ex.getMessage() + " for " + e.getKey());
        }
        assertThrows(
                Plists.PlistException.class,
                () -> parse("<?xml version=\"1.0\"?><plist version=\"1.0\"><dict/></plist>"),
                "no DOCTYPE");
    }

    @Test
    void theReaderReadsEveryKindOfValue() throws Exception {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE plist PUBLIC \"" + Plists.PUBLIC_ID + "\" \"x\">"
                + "<plist version=\"1.0\"><dict><!-- c --><key>s</key><string>x</string><key>i</key><integer>7"
                + "</integer><key>r</key><real>1.5</real><key>b</key><false/><key>a</key><array><string>y</string>"
                + "</array><key>d</key><data>aGk=</data><key>t</key><date>2026-01-02T03:04:05Z</date></dict></plist>";
        Map<String, Object> m = parse(xml);
        assertEquals("x", m.get("s"));
        assertEquals(java.math.BigInteger.valueOf(7), m.get("i"));
        assertEquals(1.5, m.get("r"));
        assertEquals(false, m.get("b"));
        assertEquals(List.of("y"), m.get("a"));
        assertEquals("hi", new String((byte[]) m.get("d"), StandardCharsets.US_ASCII));
        assertEquals(java.time.Instant.parse("2026-01-02T03:04:05Z"), m.get("t"));
    }

    private static Map<String, Object> parse(String xml) throws IOException, Plists.PlistException {
        return Plists.readDict(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
