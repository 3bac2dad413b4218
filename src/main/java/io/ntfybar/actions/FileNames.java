package io.ntfybar.actions;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a file name chosen by a publisher (an attachment's {@code name}) into one safe path element for every OS.
 * Pure and thread-safe.
 */
public final class FileNames {
    /** What an attachment is called when nothing usable is left of its name. */
    public static final String FALLBACK = "attachment";

    /** The longest result, in UTF-8 bytes (file systems allow 255; room is left for " (123)"). */
    public static final int MAX_BYTES = 200;

    private static final int MAX_EXTENSION_CHARS = 16;

    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "con", "prn", "aux", "nul", "conin$", "conout$", "com0", "com1", "com2", "com3", "com4", "com5", "com6",
            "com7", "com8", "com9", "com¹", "com²", "com³", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
            "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³");

    private FileNames() {}

    /**
     * A safe single path element for {@code untrustedName}:
     *
     * <ul>
     *   <li>Unicode NFC; white space of any kind (tabs, line breaks, no-break spaces) becomes a plain space; other
     *       control, format (bidi overrides such as U+202E, zero-width), lone surrogate and unassigned characters
     *       are removed;
     *   <li>{@code / \ : * ? " < > |} become {@code _} (so no directory can be named, and Windows accepts it);
     *   <li>no leading dots or spaces (no {@code .}, {@code ..} or hidden files), no leading {@code -}, no trailing
     *       dots or spaces;
     *   <li>a Windows device name (CON, NUL, COM1, LPT1, ..., with any extension) gets a leading {@code _};
     *   <li>at most {@link #MAX_BYTES} UTF-8 bytes, cut in the name part so the extension is kept;
     *   <li>nothing left gives {@value #FALLBACK}.
     * </ul>
     */
    public static String sanitize(String untrustedName) {
        if (untrustedName == null) {
            return FALLBACK;
        }
        String s = Normalizer.normalize(untrustedName, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                b.append(' ');
            } else if (Snippet.isHidden(cp)) {
                continue;
            } else if ("/\\:*?\"<>|".indexOf(cp) >= 0) {
                b.append('_');
            } else {
                b.appendCodePoint(cp);
            }
        }
        String name = trimEnds(b.toString());
        if (name.startsWith("-")) {
            name = "_" + name.substring(1);
        }
        if (name.isEmpty()) {
            return FALLBACK;
        }
        String[] parts = split(name);
        String base = parts[0];
        String ext = parts[1];
        int dot = name.indexOf('.');
        String device = (dot < 0 ? name : name.substring(0, dot)).strip().toLowerCase(Locale.ROOT);
        if (WINDOWS_RESERVED.contains(device)) {
            base = "_" + base;
        }
        base = cut(base, MAX_BYTES - utf8(ext));
        base = trimEnds(base);
        if (base.isEmpty()) {
            base = FALLBACK;
        }
        return base + ext;
    }

    /** {@code name} with " (n)" before its extension: {@code photo.png} and 2 give {@code photo (2).png}. */
    static String numbered(String name, int n) {
        String[] parts = split(name);
        return parts[0] + " (" + n + ")" + parts[1];
    }

    /** {base, extension}: the extension is the last dot and up to 16 letters or digits after it, or empty. */
    private static String[] split(String name) {
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.length() - dot - 1 <= MAX_EXTENSION_CHARS && name.length() - dot > 1) {
            String ext = name.substring(dot);
            if (ext.substring(1).codePoints().allMatch(Character::isLetterOrDigit)) {
                return new String[] {name.substring(0, dot), ext};
            }
        }
        return new String[] {name, ""};
    }

    private static String trimEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The longest prefix of {@code s}, whole code points, of at most {@code maxBytes} UTF-8 bytes. */
    private static String cut(String s, int maxBytes) {
        if (utf8(s) <= maxBytes) {
            return s;
        }
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
