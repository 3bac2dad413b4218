package io.ntfybar.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The generated icon files (icons/generate.sh) are what their names say, and the Linux menu entry names what the
 * package installs. The .deb's install itself is checked end to end by packaging/linux/ci-package-test.sh.
 */
class IconAndDesktopFilesTest {
    private static final Path ICONS = Path.of("icons");

    @Test
    void everyPngHasTheSizeItsNameSays() throws IOException {
        for (int n : List.of(16, 32, 48, 64, 128, 256, 512, 1024)) {
            assertSquare(ICONS.resolve("png/ntfybar-" + n + ".png"), n);
        }
        for (int n : List.of(16, 22, 24, 32, 48, 64, 128, 256, 512)) {
            assertSquare(ICONS.resolve("linux/hicolor/" + n + "x" + n + "/apps/ntfybar.png"), n);
        }
        assertSquare(ICONS.resolve("menubar/ntfybarTemplate.png"), 18);
        assertSquare(ICONS.resolve("menubar/ntfybarTemplate@2x.png"), 36);
        assertTrue(Files.readString(ICONS.resolve("linux/hicolor/scalable/apps/ntfybar.svg"))
                .contains("<svg"));
    }

    @Test
    void theIcnsHoldsEverySizeFrom16To1024() throws IOException {
        ByteBuffer b =
                ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("app.icns"))).order(ByteOrder.BIG_ENDIAN);
        assertEquals("icns", type(b, 0));
        assertEquals(b.capacity(), b.getInt(4), "the header's length is the file's");
        Set<String> types = new TreeSet<>();
        for (int at = 8; at < b.capacity(); at += b.getInt(at + 4)) {
            types.add(type(b, at));
        }
        // is32/il32/ih32/it32: 16, 32, 48, 128 px; ic08/ic09/ic10: 256, 512, 1024 px (1024 is 512@2x).
        assertTrue(
                types.containsAll(List.of("is32", "il32", "ih32", "it32", "ic08", "ic09", "ic10")), types.toString());
    }

    @Test
    void theIcoHoldsEverySizeFrom16To256() throws IOException {
        ByteBuffer b =
                ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("app.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, b.getShort(0));
        assertEquals(1, b.getShort(2), "type 1: icon");
        Set<Integer> sizes = new TreeSet<>();
        for (int i = 0; i < b.getShort(4); i++) {
            int w = Byte.toUnsignedInt(b.get(6 + 16 * i));
            sizes.add(w == 0 ? 256 : w);
        }
        assertEquals(Set.of(16, 24, 32, 48, 64, 128, 256), sizes);
    }

    @Test
    void theMenuEntryStartsTheInstalledLauncherWithTheInstalledIcon() throws IOException {
        Map<String, String> entry = desktopEntry(Path.of("packaging", "linux", "ntfybar.desktop"));
        assertEquals("Application", entry.get("Type"));
        assertEquals("ntfybar", entry.get("Name"));
        assertTrue(entry.containsKey("Comment"));
        assertEquals("false", entry.get("Terminal"));
        assertEquals("ntfybar", entry.get("Icon"), "the hicolor name the package installs");
        assertTrue(Files.exists(ICONS.resolve("linux/hicolor/48x48/apps/ntfybar.png")));
        assertEquals("Network;Utility;", entry.get("Categories"));
        // postinst and prerm know the install folder as app=/opt/ntfybar; the entry starts the launcher there.
        String postinst = Files.readString(Path.of("packaging", "linux", "postinst"));
        assertTrue(postinst.contains("\napp=/opt/ntfybar\n"));
        assertEquals("/opt/ntfybar/bin/ntfybar", entry.get("Exec"));
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        String group = null;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                group = line;
                continue;
            }
            assertEquals("[Desktop Entry]", group, "a key before or outside [Desktop Entry]: " + line);
            int eq = line.indexOf('=');
            assertTrue(eq > 0, "not a key=value line: " + line);
            String key = line.substring(0, eq);
            assertTrue(key.matches("[A-Za-z0-9-]+"), "not a key: " + key);
            assertTrue(keys.put(key, line.substring(eq + 1)) == null, key + " twice");
        }
        return keys;
    }

    private static void assertSquare(Path png, int size) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(size, img.getWidth(), png.toString());
        assertEquals(size, img.getHeight(), png.toString());
        assertTrue(img.getColorModel().hasAlpha(), png + " has no alpha");
    }

    private static String type(ByteBuffer b, int at) {
        byte[] t = new byte[4];
        b.get(at, t);
        return new String(t, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
