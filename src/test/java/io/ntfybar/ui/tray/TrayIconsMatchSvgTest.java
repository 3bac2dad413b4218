package io.ntfybar.ui.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The menu-bar template images that icons/generate.sh renders from icons/ntfybar-menubar.svg are the bell that
 * {@link TrayIcons} draws in code: same outline, same place. The tray keeps drawing in code (the states change the
 * bell itself: outlined for a problem, cut by the pause stroke), so this test is what keeps the SVG and the code one
 * shape. Also checks the template rule: black plus alpha only.
 */
class TrayIconsMatchSvgTest {
    @ParameterizedTest
    @CsvSource({"ntfybarTemplate.png, 18", "ntfybarTemplate@2x.png, 36"})
    void theGeneratedTemplateIsTheCodesBell(String file, int size) throws IOException {
        BufferedImage svg = ImageIO.read(Path.of("icons", "menubar", file).toFile());
        assertEquals(size, svg.getWidth());
        assertEquals(size, svg.getHeight());
        BufferedImage code = TrayIcons.draw(TrayIcons.State.NORMAL, size, true);

        int both = 0;
        int either = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int argb = svg.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha > 0) {
                    assertEquals(0, argb & 0xFFFFFF, "template pixel " + x + "," + y + " is not black");
                }
                boolean inSvg = alpha >= 128;
                boolean inCode = (code.getRGB(x, y) >>> 24) >= 128;
                both += inSvg && inCode ? 1 : 0;
                either += inSvg || inCode ? 1 : 0;
            }
        }
        double overlap = (double) both / either;
        assertTrue(either > size * size / 4, "the bell covers a good part of the icon");
        assertTrue(overlap > 0.9, "the SVG's bell and TrayIcons' bell overlap by only " + overlap);
    }
}
