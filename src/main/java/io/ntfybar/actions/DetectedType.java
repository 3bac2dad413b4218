package io.ntfybar.actions;

/**
 * A downloaded file's type, told by its first bytes (magic numbers), never by the publisher's declared MIME type or
 * the server's Content-Type: only JPEG, PNG, GIF and WebP count as images (the formats ntfy's Android app shows in a
 * notification); everything else is {@link #OTHER}.
 */
public enum DetectedType {
    JPEG("image/jpeg", ".jpg"),
    PNG("image/png", ".png"),
    GIF("image/gif", ".gif"),
    WEBP("image/webp", ".webp"),
    OTHER("application/octet-stream", "");

    /** How many leading bytes {@link #of} looks at. */
    public static final int HEAD_BYTES = 12;

    private final String mimeType;
    private final String extension;

    DetectedType(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** ".png" and so on; empty for {@link #OTHER}. */
    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != OTHER;
    }

    /** The type of a file starting with the first {@code length} bytes of {@code head}. */
    public static DetectedType of(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (starts(head, n, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(head, n, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (starts(head, n, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (starts(head, n, 'R', 'I', 'F', 'F')
                && n >= 12
                && head[8] == 'W'
                && head[9] == 'E'
                && head[10] == 'B'
                && head[11] == 'P') {
            return WEBP;
        }
        return OTHER;
    }

    private static boolean starts(byte[] b, int n, int... prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
