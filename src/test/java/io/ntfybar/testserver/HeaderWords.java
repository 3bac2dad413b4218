package io.ntfybar.testserver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?UTF-8?B?…?=}, {@code =?UTF-8?Q?…?=}) in a header value, as ntfy does for
 * every publish header (vector 43). Whitespace between two adjacent encoded words is dropped; text that is not an
 * encoded word stays as it is. Raw header bytes are taken as UTF-8.
 */
final class HeaderWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?(.*?)\\?=");

    private HeaderWords() {}

    static String decode(String raw) {
        String value = RequestReader.utf8(raw);
        if (!value.contains("=?")) {
            return value;
        }
        Matcher m = WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String between = value.substring(last, m.start());
            String decoded;
            try {
                decoded = decodeWord(m.group(1), m.group(2), m.group(3));
            } catch (RuntimeException e) {
                decoded = null;
            }
            if (decoded == null) {
                out.append(between).append(m.group());
                previousWasWord = false;
            } else {
                if (!(previousWasWord && between.isBlank())) {
                    out.append(between);
                }
                out.append(decoded);
                previousWasWord = true;
            }
            last = m.end();
        }
        return out.append(value.substring(last)).toString();
    }

    private static String decodeWord(String charsetName, String encoding, String text) {
        Charset charset = Charset.forName(charsetName);
        if (encoding.equalsIgnoreCase("B")) {
            return new String(Base64.getMimeDecoder().decode(text), charset);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(charset);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(charset);
    }
}
