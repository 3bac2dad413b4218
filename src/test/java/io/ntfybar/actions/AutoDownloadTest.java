package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.model.Attachment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The auto-download setting, as ntfy's Android app offers it. */
class AutoDownloadTest {

    private static Attachment sized(Long size) {
        return new Attachment("a.bin", null, size, null, "https://ntfy.sh/file/a.bin");
    }

    @ParameterizedTest
    @CsvSource({
        "never, NEVER",
        "Never, NEVER",
        "off, NEVER",
        "0, NEVER",
        "100k, KB_100",
        "100 kB, KB_100",
        "100KiB, KB_100",
        "102400, KB_100",
        "500k, KB_500",
        "1m, MB_1",
        "1 MB, MB_1",
        "1048576, MB_1",
        "5m, MB_5",
        "10M, MB_10",
        "50mb, MB_50",
        "always, ALWAYS",
        "' ALWAYS ', ALWAYS",
        "1, ALWAYS"
    })
    void parses(String text, AutoDownload expected) {
        assertEquals(expected, AutoDownload.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"2m", "1g", "-1", "100", "sometimes", "''", "99999999999999999999999"})
    void refusesOtherSettings(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoDownload.parse(text));
        assertTrue(e.getMessage().endsWith("use never, 100k, 500k, 1m, 5m, 10m, 50m or always"), e.getMessage());
    }

    @Test
    void everySettingNameParsesBackToItself() {
        for (AutoDownload a : AutoDownload.values()) {
            assertEquals(a, AutoDownload.parse(a.settingName()));
        }
        assertEquals(AutoDownload.MB_1, AutoDownload.DEFAULT);
        assertEquals(1_048_576, AutoDownload.DEFAULT.limitBytes());
        assertEquals(102_400, AutoDownload.KB_100.limitBytes());
        assertEquals(52_428_800, AutoDownload.MB_50.limitBytes());
    }

    @Test
    void allowsKnownSizesWithinTheLimitAndUnknownSizesExceptForNever() {
        assertTrue(AutoDownload.MB_1.allows(sized(1_048_576L)));
        assertFalse(AutoDownload.MB_1.allows(sized(1_048_577L)));
        assertTrue(AutoDownload.KB_100.allows(sized(0L)));
        assertTrue(AutoDownload.KB_100.allows(sized(null)));
        assertFalse(AutoDownload.NEVER.allows(sized(1L)));
        assertFalse(AutoDownload.NEVER.allows(sized(null)));
        assertTrue(AutoDownload.ALWAYS.allows(sized(Long.MAX_VALUE)));
        assertTrue(AutoDownload.ALWAYS.allows(sized(null)));
    }
}
