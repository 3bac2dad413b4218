package io.ntfybar.testserver;

import java.util.HashMap;
import java.util.Map;

/** Uploaded attachment files, in memory, keyed by message id. Thread-safe. */
final class AttachmentStore {
    record StoredFile(byte[] bytes, String type, String name, long expires) {}

    private final Map<String, StoredFile> files = new HashMap<>();

    synchronized void put(String id, StoredFile file) {
        files.put(id, file);
    }

    /** The file, or null when unknown or expired. */
    synchronized StoredFile get(String id, long nowSeconds) {
        StoredFile f = files.get(id);
        return f == null || f.expires() < nowSeconds ? null : f;
    }

    /** Bytes of all files that have not expired. */
    synchronized long totalBytes(long nowSeconds) {
        long n = 0;
        for (StoredFile f : files.values()) {
            if (f.expires() >= nowSeconds) {
                n += f.bytes().length;
            }
        }
        return n;
    }

    synchronized void clear() {
        files.clear();
    }

    /** A MIME type and file extension for uploaded bytes, from their first bytes, as a content sniffer would. */
    static String[] sniff(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return new String[] {"image/png", ".png"};
        } else if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return new String[] {"image/jpeg", ".jpg"};
        } else if (startsWith(b, 'G', 'I', 'F', '8')) {
            return new String[] {"image/gif", ".gif"};
        } else if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return new String[] {"application/pdf", ".pdf"};
        } else if (Publisher.isUtf8(b)) {
            return new String[] {"text/plain; charset=utf-8", ".txt"};
        }
        return new String[] {"application/octet-stream", ".bin"};
    }

    /** The Content-Type for a download path's extension. */
    static String typeOfExtension(String ext) {
        switch (ext) {
            case ".txt":
                return "text/plain; charset=utf-8";
            case ".png":
                return "image/png";
            case ".jpg":
                return "image/jpeg";
            case ".gif":
                return "image/gif";
            case ".pdf":
                return "application/pdf";
            default:
                return "application/octet-stream";
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
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
